package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * POST /api/segments/generate over real HTTP with the offline planner (no LLM configured in tests): an answer
 * with preview and a draft that saves unchanged, a clarifying question, a refusal, and problems for bad input.
 */
@MicronautTest
class GenerateApiHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DuckDbWarehouse warehouse;

    @Test
    void given_a_clear_request_when_generated_then_the_answer_has_preview_explanation_and_a_draft() throws Exception {
        JsonNode result = generate("gold or platinum loyalty members in Germany or France");

        assertThat(result.get("kind").asText()).isEqualTo("answer");
        assertThat(result.get("interpreter").asText()).isEqualTo("offline-planner");
        assertThat(result.get("tokens").asLong()).isZero();
        long expected = count("SELECT count(*) FROM customers WHERE loyalty_tier IN ('gold', 'platinum') "
                + "AND country IN ('DE', 'FR')");
        assertThat(result.get("preview").get("count").asLong()).isEqualTo(expected).isPositive();
        assertThat(result.get("explanation").asText()).isNotBlank();
        assertThat(result.get("fields").findValuesAsText("field")).containsExactlyInAnyOrder("loyalty_tier", "country");
        assertThat(result.get("draft").get("sourceRequest").asText())
                .isEqualTo("gold or platinum loyalty members in Germany or France");
    }

    @Test
    void given_an_answer_when_its_draft_is_posted_unchanged_then_the_segment_is_saved_with_that_definition() {
        JsonNode draft = generate("customers who bought shoes in the last 90 days").get("draft");

        HttpResponse<JsonNode> saved = client.toBlocking().exchange(HttpRequest.POST("/api/segments",
                draft.toString()), JsonNode.class);

        assertThat(saved.code()).isEqualTo(201);
        JsonNode segment = saved.body();
        JsonNode stored = client.toBlocking().retrieve(HttpRequest.GET("/api/segments/" + segment.get("id").asText()),
                JsonNode.class);
        assertThat(stored.toString()).contains("purchased_item").contains("shoes");
        assertThat(stored.get("name").asText()).isEqualTo(draft.get("name").asText());
    }

    @Test
    void given_an_ambiguous_request_when_generated_then_a_question_with_options_comes_back() {
        JsonNode result = generate("active customers");

        assertThat(result.get("kind").asText()).isEqualTo("clarification");
        assertThat(result.get("question").asText()).isNotBlank();
        assertThat(result.get("options").size()).isGreaterThanOrEqualTo(2);
        assertThat(result.get("draft").isNull()).isTrue();
    }

    @Test
    void given_an_out_of_scope_request_when_generated_then_it_is_declined_with_a_reason() {
        JsonNode result = generate("write me a poem about shoes");

        assertThat(result.get("kind").asText()).isEqualTo("declined");
        assertThat(result.get("reason").asText()).isNotBlank();
        assertThat(result.get("suggestions").size()).isPositive();
    }

    @Test
    void given_an_empty_request_when_generated_then_a_400_problem_at_stage_request() {
        HttpClientResponseException e = error("{\"request\": \"   \"}");

        assertThat(e.getStatus().getCode()).isEqualTo(400);
        JsonNode problem = e.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.get("code").asText()).isEqualTo("empty-request");
        assertThat(problem.get("stage").asText()).isEqualTo("request");
    }

    @Test
    void given_a_request_over_2000_characters_when_generated_then_a_422_request_too_long_problem() {
        HttpClientResponseException e = error("{\"request\": \"" + "a".repeat(2001) + "\"}");

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(e.getResponse().getBody(JsonNode.class).orElseThrow().get("code").asText())
                .isEqualTo("request-too-long");
    }

    private JsonNode generate(String request) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/segments/generate",
                JSON.createObjectNode().put("request", request).toString()), JsonNode.class);
    }

    private HttpClientResponseException error(String body) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().retrieve(
                HttpRequest.POST("/api/segments/generate", body), JsonNode.class));
    }

    private long count(String sql) throws Exception {
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
