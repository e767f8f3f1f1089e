package dev.segmentagent.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-key limits over real HTTP: the request rate, the generate rate, the daily token budget (persisted) and
 * the body size, each refused as problem+json with its code, the limit and when to retry.
 */
@MicronautTest(transactional = false)
@Property(name = "segment.security.enabled", value = "true")
@Property(name = "segment.limits.requests-per-minute", value = "8")
@Property(name = "segment.limits.generate-per-minute", value = "2")
@Property(name = "segment.limits.tokens-per-request", value = "1000")
@Property(name = "segment.limits.tokens-per-day", value = "2500")
class LimitsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Inject
    ApiKeys keys;

    @Inject
    TokenBudget budget;

    private final HttpClient http = HttpClient.newHttpClient();

    private String key(Role role, String name) {
        return keys.issue(name, role, "test").key();
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_key_over_its_request_rate_gets_429_with_limit_and_retry_after_and_other_keys_are_unaffected() throws Exception {
        String busy = key(Role.VIEWER, name("busy"));
        String other = key(Role.VIEWER, name("other"));

        for (int i = 0; i < 8; i++) {
            assertThat(get(busy, "/api/segments").statusCode()).as("request %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = get(busy, "/api/segments");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("code").asText()).isEqualTo("rate-limited");
        assertThat(problem.get("limit").asLong()).isEqualTo(8);
        long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(1L, 60L);
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(retry);
        assertThat(get(other, "/api/segments").statusCode()).isEqualTo(200);
    }

    @Test
    void generate_has_its_own_smaller_rate() throws Exception {
        String editor = key(Role.EDITOR, name("gen"));

        int first = generate(editor, "customers who bought shoes").statusCode();
        int second = generate(editor, "customers who bought shoes").statusCode();
        HttpResponse<String> third = generate(editor, "customers who bought shoes");

        assertThat(first).isEqualTo(200);
        assertThat(second).isEqualTo(200);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(third.body()).get("code").asText()).isEqualTo("generate-rate-limited");
        assertThat(JSON.readTree(third.body()).get("limit").asLong()).isEqualTo(2);
    }

    @Test
    void a_key_whose_day_cannot_fit_another_request_is_refused_until_midnight_utc() throws Exception {
        String name = name("spender");
        String editor = key(Role.EDITOR, name);
        budget.record(name, 1200); // what earlier LLM calls of this key spent today (the offline planner spends none)

        HttpResponse<String> admitted = generate(editor, "customers who bought shoes");
        budget.record(name, 400);
        HttpResponse<String> refused = generate(editor, "customers who bought shoes");

        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);
        assertThat(budget.spentToday(name)).isEqualTo(1600);
        assertThat(refused.statusCode()).isEqualTo(429);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("code").asText()).isEqualTo("token-budget-exceeded");
        assertThat(problem.get("limit").asLong()).isEqualTo(2500);
        assertThat(problem.get("detail").asText()).contains("1,600").contains("midnight UTC");
        assertThat(problem.get("retryAfterSeconds").asLong()).isBetween(1L, 86_400L);
    }

    @Test
    void a_body_over_the_size_limit_is_413_problem_json() throws Exception {
        String viewer = key(Role.VIEWER, name("big"));
        String body = "{\"definition\": {\"condition\": {\"type\": \"compare\", \"field\": \"city\", \"op\": \"=\", \"value\": \""
                + "x".repeat(1_100_000) + "\"}}}";

        HttpResponse<String> refused = post(viewer, "/api/segments/preview", body);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("request-entity-too-large");
    }

    private HttpResponse<String> generate(String key, String request) throws Exception {
        return post(key, "/api/segments/generate", JSON.writeValueAsString(java.util.Map.of("request", request)));
    }

    private HttpResponse<String> get(String key, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Authorization", "Bearer " + key)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String key, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
