package dev.segmentagent.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a running service over real HTTP: {@code users} threads each loop over the plan's mix of preview, save
 * and generate (offline planner unless an LLM is configured; default 80/10/10) until the time is up, while one feeder posts event batches at the target rate. The feeder
 * sends what is due since the start in one batch at a time (at most {@link #MAX_BATCH}), so a slow answer makes
 * the next batch bigger rather than lowering the rate, until the service cannot keep up, which then shows as a
 * lower acknowledged rate. Only batches answered 202 with every event accepted count as acknowledged.
 */
public final class LoadDriver {

    static final int MAX_BATCH = 500;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EVENT_TICK = Duration.ofMillis(100);

    private final URI base;
    private final String apiKey;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<RequestKind, KindStats> stats = new EnumMap<>(RequestKind.class);
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong saved = new AtomicLong();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    /** @param apiKey sent as a bearer token; null when the service runs with access control off */
    public LoadDriver(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        for (RequestKind kind : RequestKind.values()) {
            stats.put(kind, new KindStats());
        }
    }

    /** What the run did; the loss check happens afterwards, against the stored data. */
    public record Outcome(double seconds, List<LoadReport.KindFigures> requests, Set<String> acknowledged, long sent,
                          String eventIdPrefix) {}

    public Outcome run(LoadPlan plan) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(plan.users() + 1);
        long start = System.nanoTime();
        long deadline = start + plan.duration().toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int u = 0; u < plan.users(); u++) {
            long seed = u;
            running.add(pool.submit(() -> user(plan, deadline, new SplittableRandom(seed))));
        }
        if (plan.eventsPerSecond() > 0) {
            running.add(pool.submit(() -> feed(plan, start, deadline)));
        }
        pool.shutdown();
        // every call has its own timeout, so the run ends at most one timeout after the deadline
        if (!pool.awaitTermination(plan.duration().plus(REQUEST_TIMEOUT).plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("load run did not finish in time");
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a load worker failed", e.getCause());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<LoadReport.KindFigures> figures = new ArrayList<>();
        for (RequestKind kind : RequestKind.values()) {
            figures.add(stats.get(kind).figures(kind, seconds));
        }
        return new Outcome(seconds, figures, Set.copyOf(acknowledged), sent.get(), prefix());
    }

    private void user(LoadPlan plan, long deadline, SplittableRandom random) {
        // each user starts with one call of every kind in the mix, so even a short run exercises all of them
        List<RequestKind> opening = plan.mix().kinds();
        for (int call = 0; System.nanoTime() < deadline; call++) {
            RequestKind kind = call < opening.size() ? opening.get(call) : plan.mix().pick(random);
            JsonNode condition = plan.conditions().get(random.nextInt(plan.conditions().size()));
            if (kind == RequestKind.PREVIEW) {
                ObjectNode body = mapper.createObjectNode();
                body.putObject("definition").set("condition", condition);
                body.put("sample", 10);
                call(RequestKind.PREVIEW, "/api/segments/preview", body, 200);
            } else if (kind == RequestKind.SAVE) {
                ObjectNode body = mapper.createObjectNode();
                body.put("name", "load " + runId + " #" + saved.incrementAndGet());
                body.putObject("definition").set("condition", condition);
                call(RequestKind.SAVE, "/api/segments", body, 201);
            } else {
                ObjectNode body = mapper.createObjectNode();
                body.put("request", plan.generateRequests().get(random.nextInt(plan.generateRequests().size())));
                call(RequestKind.GENERATE, "/api/segments/generate", body, 200);
            }
        }
    }

    private void feed(LoadPlan plan, long start, long deadline) {
        SplittableRandom random = new SplittableRandom(-1);
        long next = 0;
        try {
            while (System.nanoTime() < deadline) {
                long due = (long) ((System.nanoTime() - start) / 1e9 * plan.eventsPerSecond()) - sent.get();
                if (due <= 0) {
                    Thread.sleep(EVENT_TICK.toMillis());
                    continue;
                }
                int size = (int) Math.min(due, MAX_BATCH);
                ArrayNode batch = mapper.createArrayNode();
                List<String> ids = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    String id = prefix() + (next++);
                    ids.add(id);
                    ObjectNode event = batch.addObject();
                    event.put("eventId", id);
                    event.put("customerId", plan.customerIds()[random.nextInt(plan.customerIds().length)]);
                    event.put("type", "add_to_cart");
                    // within the last day before the as-of: recent enough to move 7-day and 30-day features
                    event.put("occurredAt", plan.asOf().minusSeconds(1 + random.nextInt(86_400)).toString());
                    event.putObject("properties").put("category", "toys");
                }
                sent.addAndGet(size);
                JsonNode receipt = call(RequestKind.EVENTS, "/api/events", batch, 202);
                if (receipt != null && receipt.path("accepted").asInt() == size) {
                    acknowledged.addAll(ids);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String prefix() {
        return "load-" + runId + "-";
    }

    /** One call; the answer's JSON when the status is the expected one, otherwise null and the error counted. */
    private JsonNode call(RequestKind kind, String path, JsonNode body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - started;
            if (response.statusCode() == expected) {
                stats.get(kind).succeeded(took);
                return mapper.readTree(response.body());
            }
            stats.get(kind).failed(took, response.statusCode() + " " + problemCode(response.body()));
        } catch (IOException e) {
            stats.get(kind).failed(System.nanoTime() - started, "io " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private String problemCode(String body) {
        try {
            String code = mapper.readTree(body).path("code").asText("");
            return code.isEmpty() ? "-" : code;
        } catch (IOException e) {
            return "-";
        }
    }
}
