package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.segmentagent.live.WebhookSignature;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications over real HTTP: a local receiver that fails the first attempt and checks every signature, and
 * a server-sent-events subscriber. Both must learn who left the segment when a new version is saved.
 */
@MicronautTest
class LiveNotificationsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "receiver-secret-0123456789";

    record Received(String body, String signature, long timestamp, String delivery, boolean verified) {}

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    DuckDbWarehouse warehouse;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void given_a_receiver_that_fails_the_first_attempt() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER);
            long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER));
            boolean verified = WebhookSignature.verify(SECRET, timestamp, body, signature);
            received.add(new Received(body, signature, timestamp,
                    exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER), verified));
            int status = received.size() == 1 ? 500 : verified ? 204 : 401;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop_receiver() {
        receiver.stop(0);
    }

    @Test
    void a_signed_webhook_is_retried_after_a_500_and_the_sse_stream_reports_the_same_change() throws Exception {
        String id = client.toBlocking().retrieve(HttpRequest.POST("/api/segments", "{\"name\": \"notify-me\", \"definition\": "
                + "{\"condition\": {\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 2}}}"),
                JsonNode.class).get("id").asText();
        JsonNode hook = client.toBlocking().retrieve(HttpRequest.POST("/api/segments/" + id + "/webhooks",
                "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\", \"secret\": \"" + SECRET + "\"}"),
                JsonNode.class);
        BlockingQueue<String> sse = subscribe("/api/segments/changes?segment=" + id);

        client.toBlocking().retrieve(HttpRequest.PUT("/api/segments/" + id, "{\"name\": \"notify-me\", \"definition\": "
                + "{\"condition\": {\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 3}}}"), JsonNode.class);
        Set<Long> left = ids("SELECT customer_id FROM customer_features WHERE orders_365d = 2");

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(received).hasSize(2);
        assertThat(received).allMatch(Received::verified);
        assertThat(received.get(0).delivery()).isEqualTo(received.get(1).delivery());
        assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
        JsonNode payload = JSON.readTree(received.get(1).body());
        assertThat(payload.get("segmentId").asText()).isEqualTo(id);
        assertThat(payload.get("version").asInt()).isEqualTo(2);
        assertThat(payload.get("entered")).isEmpty();
        Set<Long> exited = new TreeSet<>();
        payload.get("exited").forEach(n -> exited.add(n.asLong()));
        assertThat(exited).isEqualTo(left).isNotEmpty();
        // a tampered body does not verify
        assertThat(WebhookSignature.verify(SECRET, received.get(1).timestamp(), received.get(1).body().replace("notify-me", "x"),
                received.get(1).signature())).isFalse();

        JsonNode log = awaitDeliveries(hook.get("id").asText(), 2);
        assertThat(log.get(1).get("attempt").asInt()).isEqualTo(1);
        assertThat(log.get(1).get("outcome").asText()).isEqualTo("failed");
        assertThat(log.get(1).get("statusCode").asInt()).isEqualTo(500);
        assertThat(log.get(0).get("attempt").asInt()).isEqualTo(2);
        assertThat(log.get(0).get("outcome").asText()).isEqualTo("delivered");
        assertThat(log.get(0).get("exited").asInt()).isEqualTo(left.size());

        String data = null;
        for (String line = sse.poll(20, TimeUnit.SECONDS); line != null; line = sse.poll(20, TimeUnit.SECONDS)) {
            if (line.startsWith("data:") && line.contains("segmentId")) {
                data = line.substring(5).trim();
                break;
            }
        }
        assertThat(data).as("an SSE data line").isNotNull();
        JsonNode event = JSON.readTree(data);
        assertThat(event.get("segmentId").asText()).isEqualTo(id);
        assertThat(event.get("exitedCount").asInt()).isEqualTo(left.size());
        assertThat(event.get("runId").asText()).isEqualTo(payload.get("runId").asText());
    }

    private JsonNode awaitDeliveries(String webhookId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode log;
        do {
            log = client.toBlocking().retrieve(HttpRequest.GET("/api/webhooks/" + webhookId + "/deliveries"), JsonNode.class);
            if (log.size() >= count) {
                return log;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return log;
    }

    private BlockingQueue<String> subscribe(String path) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = http.sendAsync(java.net.http.HttpRequest.newBuilder(
                        URI.create(server.getURL() + path)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closed) {
                // the server went away at the end of the test
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        String first;
        do {
            first = lines.poll(10, TimeUnit.SECONDS);
        } while (first != null && !first.contains("subscribed"));
        assertThat(first).as("the ready event").isNotNull();
        return lines;
    }

    private Set<Long> ids(String sql) throws Exception {
        try (Connection connection = warehouse.connection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            Set<Long> ids = new TreeSet<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        }
    }
}
