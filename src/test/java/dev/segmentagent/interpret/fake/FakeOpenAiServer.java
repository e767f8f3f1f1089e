package dev.segmentagent.interpret.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * A real OpenAI-compatible HTTP endpoint on 127.0.0.1 for tests: it replays a scripted queue of recorded
 * chat completions and faults, and records every request it received. The real langchain4j-open-ai client
 * talks to it over a socket, so serialisation, tool-call round trips, retries and timeouts are all exercised.
 *
 * <p>Recordings live under {@code src/test/resources/llm-recordings/<scenario>/NN-name.json} (a chat
 * completion, replayed verbatim) or {@code NN-name.fault.json} (a fault: {@code {"fault":"http_error",
 * "status":429,"retryAfterSeconds":1,"body":{...}}}, {@code {"fault":"delay","delayMillis":3000,
 * "body":{...completion...}}} or {@code {"fault":"malformed","body":"..."}}). Files play in name order.
 *
 * <p>When the script runs out the server answers 400 (which clients do not retry), so an unexpected extra
 * call fails the test quickly instead of hanging it.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORDINGS = "llm-recordings";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<ScriptedStep> script = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<String> served = new ArrayList<>();
    private UsageTotals usage = UsageTotals.ZERO;

    private FakeOpenAiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on an ephemeral port of the loopback interface. */
    public static FakeOpenAiServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // Several threads: a delayed answer must not block the client's retry or the next test call.
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fake-openai");
                thread.setDaemon(true);
                return thread;
            });
            FakeOpenAiServer fake = new FakeOpenAiServer(http, executor);
            http.createContext("/", fake::handle);
            http.setExecutor(executor);
            http.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake OpenAI server", e);
        }
    }

    /** Starts and queues the recordings of one scenario. */
    public static FakeOpenAiServer replaying(String scenario) {
        FakeOpenAiServer fake = start();
        fake.enqueueScenario(scenario);
        return fake;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL to give an OpenAI client ({@code .../v1}); requests without {@code /v1} are served too. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public FakeOpenAiServer enqueueScenario(String scenario) {
        Path dir = scenarioDir(scenario);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            if (sorted.isEmpty()) {
                throw new IllegalArgumentException("no recordings in " + dir);
            }
            sorted.forEach(file -> enqueue(readStep(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public synchronized FakeOpenAiServer enqueue(ScriptedStep step) {
        script.addLast(step);
        return this;
    }

    /** Every request received so far, in arrival order. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized RecordedRequest request(int index) {
        return requests.get(index);
    }

    /** Labels of the scripted steps played so far, in order. */
    public synchronized List<String> served() {
        return List.copyOf(served);
    }

    /** Scripted steps not yet played. */
    public synchronized int remaining() {
        return script.size();
    }

    /** Token usage summed over the completions actually delivered (a delayed one counts once sent). */
    public synchronized UsageTotals usage() {
        return usage;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod())
                    || !(path.equals("/v1/chat/completions") || path.equals("/chat/completions"))) {
                send(exchange, 404, -1, error("not_found", "fake server serves POST /v1/chat/completions only"));
                return;
            }
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ScriptedStep step = record(path, exchange.getRequestHeaders().getFirst("Authorization"), raw);
            if (step == null) {
                send(exchange, 400, -1, error("invalid_request_error", "fake server: script exhausted"));
                return;
            }
            // Java 17: no pattern switch yet, so instanceof over the sealed steps.
            if (step instanceof ScriptedStep.Reply reply) {
                if (!reply.delay().isZero() && !sleep(reply.delay())) {
                    return;
                }
                countUsage(reply.body());
                send(exchange, 200, -1, reply.body());
            } else if (step instanceof ScriptedStep.HttpError httpError) {
                send(exchange, httpError.status(), httpError.retryAfterSeconds(), httpError.body());
            } else if (step instanceof ScriptedStep.Malformed malformed) {
                send(exchange, 200, -1, malformed.body());
            }
        }
    }

    private synchronized ScriptedStep record(String path, String authorization, String raw) {
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            body = JSON.createObjectNode().put("unparseable", raw);
        }
        requests.add(new RecordedRequest(path, authorization, raw, body));
        ScriptedStep step = script.pollFirst();
        served.add(step == null ? "<exhausted>" : step.label());
        return step;
    }

    private synchronized void countUsage(String completion) throws IOException {
        JsonNode u = JSON.readTree(completion).path("usage");
        usage = usage.plus(u.path("prompt_tokens").asLong(), u.path("completion_tokens").asLong(),
                u.path("total_tokens").asLong());
    }

    /** False when interrupted (server closing): the client then sees the connection drop. */
    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void send(HttpExchange exchange, int status, int retryAfterSeconds, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfterSeconds >= 0) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGone) {
            // The client timed out and closed the socket before the delayed answer: that is the scenario.
        }
    }

    static String error(String type, String message) {
        return JSON.createObjectNode().set("error", JSON.createObjectNode()
                .put("message", message).put("type", type).putNull("param").putNull("code")).toString();
    }

    private static ScriptedStep readStep(Path file) {
        String name = file.getFileName().toString();
        try {
            String text = Files.readString(file);
            if (!name.endsWith(".fault.json")) {
                JsonNode completion = JSON.readTree(text); // fail at load time on a broken recording
                if (!"chat.completion".equals(completion.path("object").asText())) {
                    throw new IllegalArgumentException(file + " is not a chat.completion recording");
                }
                return new ScriptedStep.Reply(name, text, Duration.ZERO);
            }
            JsonNode fault = JSON.readTree(text);
            JsonNode body = fault.path("body");
            return switch (fault.path("fault").asText()) {
                case "http_error" -> new ScriptedStep.HttpError(name, fault.path("status").asInt(),
                        fault.path("retryAfterSeconds").asInt(-1), body.toString());
                case "delay" -> new ScriptedStep.Reply(name, body.toString(),
                        Duration.ofMillis(fault.path("delayMillis").asLong()));
                case "malformed" -> new ScriptedStep.Malformed(name, body.asText());
                default -> throw new IllegalArgumentException(file + ": unknown fault " + fault.path("fault"));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static Path scenarioDir(String scenario) {
        URL url = FakeOpenAiServer.class.getClassLoader().getResource(RECORDINGS + "/" + scenario);
        if (url == null) {
            throw new IllegalArgumentException("no recording scenario " + RECORDINGS + "/" + scenario);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }
}
