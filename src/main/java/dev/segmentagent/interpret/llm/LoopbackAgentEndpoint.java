package dev.segmentagent.interpret.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.segmentagent.interpret.Interpretation;
import dev.segmentagent.segment.SegmentJson;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions endpoint on 127.0.0.1 for the bench's token section when no LLM
 * endpoint is configured. It plays a fixed, valid agent conversation for every request, so the real agent
 * and the real langchain4j-open-ai client send exactly the requests they would send to a model:
 * <ol>
 *   <li>first turn: calls {@code searchFields} with the request's words and {@code countMembers} with the
 *       definition the {@code answerer} gives (or answers directly when it gives a question or a refusal);</li>
 *   <li>after the tool results: the answer as the agent's reply JSON.</li>
 * </ol>
 * The usage it returns is counted, not invented: prompt tokens are the o200k tokens (gpt-4o / gpt-4o-mini's
 * tokenizer, jtokkit through {@link OpenAiTokenCountEstimator}) of every message text, tool call and tool
 * definition actually received, plus OpenAI's documented framing of 3 tokens per message and 3 for the reply;
 * completion tokens are those of the reply it sends. Only the model's choices are scripted.
 */
public final class LoopbackAgentEndpoint implements AutoCloseable {

    /** OpenAI's chat framing: tokens per message around its content, and priming of the assistant's reply. */
    static final int TOKENS_PER_MESSAGE = 3;
    static final int REPLY_PRIMING = 3;
    static final String TOKENIZER_MODEL = "gpt-4o-mini";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<String, Interpretation> answerer;
    private final OpenAiTokenCountEstimator tokens = new OpenAiTokenCountEstimator(TOKENIZER_MODEL);
    private final List<int[]> calls = new ArrayList<>();

    private LoopbackAgentEndpoint(HttpServer server, ExecutorService executor, Function<String, Interpretation> answerer) {
        this.server = server;
        this.executor = executor;
        this.answerer = answerer;
    }

    /** Starts on an ephemeral loopback port; {@code answerer} decides what the "model" answers to a request. */
    public static LoopbackAgentEndpoint start(Function<String, Interpretation> answerer) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "loopback-llm");
                thread.setDaemon(true);
                return thread;
            });
            LoopbackAgentEndpoint endpoint = new LoopbackAgentEndpoint(http, executor, answerer);
            http.createContext("/", endpoint::handle);
            http.setExecutor(executor);
            http.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback LLM endpoint", e);
        }
    }

    /** The base URL for an OpenAI client, up to and including {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** [prompt, completion] tokens of every call answered so far, in order. */
    public synchronized List<int[]> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/chat/completions")) {
                send(exchange, 404, JSON.createObjectNode().put("error", "POST /v1/chat/completions only"));
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            ObjectNode message;
            String finish;
            try {
                JsonNode messages = body.path("messages");
                boolean toolResultsIn = lastRole(messages).equals("tool");
                Interpretation interpretation = answerer.apply(request(messages));
                if (!toolResultsIn && interpretation instanceof Interpretation.Answer answer) {
                    message = toolCalls(request(messages), answer);
                    finish = "tool_calls";
                } else {
                    message = JSON.createObjectNode().put("role", "assistant").put("content", reply(interpretation));
                    finish = "stop";
                }
            } catch (RuntimeException e) {
                send(exchange, 400, JSON.createObjectNode().put("error", "loopback endpoint: " + e.getMessage()));
                return;
            }
            int prompt = promptTokens(body);
            int completion = completionTokens(message);
            synchronized (this) {
                calls.add(new int[] {prompt, completion});
            }
            ObjectNode completionJson = JSON.createObjectNode();
            completionJson.put("id", "chatcmpl-loopback-" + calls.size()).put("object", "chat.completion")
                    .put("created", System.currentTimeMillis() / 1000).put("model", body.path("model").asText(TOKENIZER_MODEL));
            ObjectNode choice = completionJson.putArray("choices").addObject();
            choice.put("index", 0).set("message", message);
            choice.put("finish_reason", finish);
            completionJson.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                    .put("total_tokens", prompt + completion);
            send(exchange, 200, completionJson);
        }
    }

    /** The request text: the first line of the first user message, after {@code Request: } (prompts/user.md). */
    static String request(JsonNode messages) {
        for (JsonNode m : messages) {
            if ("user".equals(m.path("role").asText())) {
                String first = m.path("content").asText("").lines().findFirst().orElse("");
                return first.startsWith("Request: ") ? first.substring("Request: ".length()) : first;
            }
        }
        throw new IllegalArgumentException("no user message");
    }

    private static String lastRole(JsonNode messages) {
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1).path("role").asText("");
    }

    private static ObjectNode toolCalls(String request, Interpretation.Answer answer) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.putNull("content");
        ArrayNode calls = message.putArray("tool_calls");
        addCall(calls, "call_search", "searchFields", JSON.createObjectNode().put("words", request));
        addCall(calls, "call_count", "countMembers",
                JSON.createObjectNode().put("definitionJson", SegmentJson.toJson(answer.definition())));
        return message;
    }

    private static void addCall(ArrayNode calls, String id, String name, ObjectNode arguments) {
        ObjectNode call = calls.addObject().put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments.toString());
    }

    /** The agent's reply JSON (prompts/system.md): answer, clarify or decline. */
    static String reply(Interpretation interpretation) {
        ObjectNode reply = JSON.createObjectNode();
        if (interpretation instanceof Interpretation.Answer answer) {
            reply.put("kind", "answer").set("definition", SegmentJson.toTree(answer.definition()));
            ArrayNode fields = reply.putArray("fields");
            answer.fields().forEach(f -> fields.addObject().put("field", f.field()).put("why", f.why()));
            ArrayNode assumptions = reply.putArray("assumptions");
            answer.assumptions().forEach(assumptions::add);
            reply.put("rationale", answer.rationale());
        } else if (interpretation instanceof Interpretation.Clarification clarification) {
            reply.put("kind", "clarify").put("question", clarification.question());
            ArrayNode options = reply.putArray("options");
            clarification.options().forEach(o -> options.addObject().put("label", o.label()).put("request", o.request()));
        } else if (interpretation instanceof Interpretation.Declined declined) {
            reply.put("kind", "decline").put("reason", declined.reason());
            ArrayNode suggestions = reply.putArray("suggestions");
            declined.suggestions().forEach(suggestions::add);
        } else {
            throw new IllegalArgumentException("no reply for " + interpretation);
        }
        return reply.toString();
    }

    private int promptTokens(JsonNode body) {
        int total = REPLY_PRIMING;
        for (JsonNode m : body.path("messages")) {
            total += TOKENS_PER_MESSAGE + messageTokens(m);
        }
        JsonNode tools = body.path("tools");
        if (tools.isArray() && !tools.isEmpty()) {
            total += tokens.estimateTokenCountInText(tools.toString());
        }
        return total;
    }

    private int completionTokens(JsonNode message) {
        return messageTokens(message);
    }

    private int messageTokens(JsonNode m) {
        int total = tokens.estimateTokenCountInText(m.path("role").asText(""));
        JsonNode content = m.path("content");
        if (content.isTextual()) {
            total += tokens.estimateTokenCountInText(content.asText());
        } else if (content.isArray()) {
            for (JsonNode part : content) {
                total += tokens.estimateTokenCountInText(part.path("text").asText(""));
            }
        }
        for (JsonNode call : m.path("tool_calls")) {
            total += tokens.estimateTokenCountInText(call.path("function").path("name").asText(""))
                    + tokens.estimateTokenCountInText(call.path("function").path("arguments").asText(""));
        }
        return total;
    }

    private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
