package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The segments API as a client uses it, over real HTTP, on the generated demo data (3,000 customers in the
 * test configuration). Expected counts come from hand-written SQL over the raw tables, not from the compiler.
 */
@MicronautTest
class SegmentApiHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Customers in Germany or France with at least 2 completed orders in the 365 days before as-of.
    private static final String DEFINITION = """
            {"condition": {"type": "and", "conditions": [
              {"type": "in", "field": "country", "values": ["DE", "FR"]},
              {"type": "compare", "field": "orders_365d", "op": ">=", "value": 2}
            ]}}""";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DuckDbWarehouse warehouse;

    @Inject
    WarehouseFacts facts;

    @Test
    void preview_returns_count_share_funnel_and_sample_that_match_direct_sql() throws Exception {
        JsonNode preview = post("/api/segments/preview", "{\"definition\": " + DEFINITION + ", \"sample\": 5}");

        long base = directCount("SELECT count(*) FROM customers");
        long inCountries = directCount("SELECT count(*) FROM customers WHERE country IN ('DE', 'FR')");
        long expected = expectedMembers();
        assertThat(preview.get("baseCount").asLong()).isEqualTo(base);
        assertThat(preview.get("count").asLong()).isEqualTo(expected).isPositive();
        assertThat(preview.get("share").asDouble()).isCloseTo((double) expected / base,
                org.assertj.core.data.Offset.offset(1e-9));
        JsonNode funnel = preview.get("funnel");
        assertThat(funnel).hasSize(2);
        assertThat(funnel.get(0).get("count").asLong()).isEqualTo(inCountries);
        assertThat(funnel.get(1).get("count").asLong()).isEqualTo(expected);
        assertThat(funnel.get(1).get("label").asText()).isEqualTo("who placed at least 2 completed orders in the last 365 days");
        JsonNode sample = preview.get("sample");
        assertThat(sample).hasSize(5);
        for (JsonNode member : sample) {
            assertThat(member.get("country").asText()).isIn("DE", "FR");
            assertThat(member.get("orders_365d").asLong()).isGreaterThanOrEqualTo(2);
        }
        assertThat(preview.get("explanation").asText()).isEqualTo(
                "Customers whose country is 'DE' or 'FR' and who placed at least 2 completed orders in the last 365 days");
    }

    @Test
    void an_unknown_field_is_a_422_problem_naming_the_closest_fields() {
        HttpClientResponseException e = postExpectingError("/api/segments/preview", """
                {"definition": {"condition": {"type": "compare", "field": "open_rate", "op": "<", "value": 0.1}}}""");

        JsonNode problem = e.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(e.getResponse().getContentType()).get().hasToString(Problem.MEDIA_TYPE);
        assertThat(problem.get("stage").asText()).isEqualTo("validate");
        JsonNode issue = problem.get("issues").get(0);
        assertThat(issue.get("code").asText()).isEqualTo("UNKNOWN_FIELD");
        assertThat(issue.get("path").asText()).isEqualTo("$.condition.field");
        assertThat(issue.get("suggestions")).hasSize(3);
        assertThat(issue.get("suggestions").toString()).contains("email_open_rate_30d");
    }

    @Test
    void a_malformed_definition_is_a_422_problem_with_the_json_path() {
        HttpClientResponseException e = postExpectingError("/api/segments/preview", """
                {"definition": {"condition": {"type": "and", "conditions": [{"type": "fuzzy"}]}}}""");

        JsonNode problem = e.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(problem.get("code").asText()).isEqualTo("invalid-definition");
        assertThat(problem.get("issues").get(0).get("path").asText()).isEqualTo("$.condition.conditions[0].type");
        assertThat(problem.get("detail").asText()).contains("fuzzy");
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/segments/preview", "{not json")
                        .contentType(MediaType.APPLICATION_JSON_TYPE), JsonNode.class));

        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getContentType()).get().hasToString(Problem.MEDIA_TYPE);
    }

    @Test
    void a_saved_segment_is_versioned_listed_paged_exported_and_deleted() throws Exception {
        String name = "DE/FR repeat buyers " + UUID.randomUUID();
        HttpResponse<JsonNode> created = client.toBlocking().exchange(HttpRequest.POST("/api/segments",
                "{\"name\": \"" + name + "\", \"definition\": " + DEFINITION + "}"), JsonNode.class);
        assertThat(created.code()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/segments/" + id);
        assertThat(created.body().get("version").asInt()).isEqualTo(1);
        assertThat(created.body().get("explanation").asText()).isNotBlank();

        String narrower = DEFINITION.replace("\"value\": 2", "\"value\": 3");
        JsonNode updated = client.toBlocking().retrieve(HttpRequest.PUT("/api/segments/" + id,
                "{\"name\": \"" + name + "\", \"definition\": " + narrower + "}"), JsonNode.class);
        assertThat(updated.get("version").asInt()).isEqualTo(2);

        JsonNode versions = get("/api/segments/" + id + "/versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("definition").toString()).contains("\"value\":2");
        assertThat(get("/api/segments/" + id + "?version=1").get("version").asInt()).isEqualTo(1);
        assertThat(get("/api/segments?q=" + encode(name.substring(0, 12))).get("items").toString()).contains(id);

        JsonNode page = get("/api/segments/" + id + "/members?page=0&size=7");
        long total = page.get("total").asLong();
        assertThat(page.get("items")).hasSize((int) Math.min(7, total));
        assertThat(page.get("items").get(0).get("orders_365d").asLong()).isGreaterThanOrEqualTo(3);

        String csv = client.toBlocking().retrieve(HttpRequest.GET("/api/segments/" + id + "/members.csv"));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("customer_id,country,orders_365d");
        assertThat(lines).hasSize((int) total + 1);

        HttpResponse<?> deleted = client.toBlocking().exchange(HttpRequest.DELETE("/api/segments/" + id));
        assertThat(deleted.code()).isEqualTo(204);
        HttpClientResponseException gone = catchThrowableOfType(HttpClientResponseException.class,
                () -> get("/api/segments/" + id));
        assertThat(gone.getStatus().getCode()).isEqualTo(404);
        assertThat(gone.getResponse().getBody(JsonNode.class).orElseThrow().get("code").asText())
                .isEqualTo("segment-not-found");
    }

    @Test
    void saving_an_invalid_definition_is_refused_and_stores_nothing() {
        String name = "Broken " + UUID.randomUUID();
        HttpClientResponseException e = postExpectingError("/api/segments", "{\"name\": \"" + name
                + "\", \"definition\": {\"condition\": {\"type\": \"compare\", \"field\": \"total_spend\","
                + " \"op\": \">\", \"value\": 100}}}");

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        JsonNode issue = e.getResponse().getBody(JsonNode.class).orElseThrow().get("issues").get(0);
        assertThat(issue.get("code").asText()).isEqualTo("DEPRECATED_FIELD");
        assertThat(issue.get("message").asText()).contains("revenue_total");
        assertThat(get("/api/segments?q=" + encode(name)).get("total").asLong()).isZero();
    }

    @Test
    void explain_tells_for_one_customer_which_conditions_held_with_values() throws Exception {
        long member = firstExpectedMember();
        JsonNode explanation = post("/api/segments/explain",
                "{\"definition\": " + DEFINITION + ", \"customerId\": " + member + "}");

        JsonNode customer = explanation.get("customer");
        assertThat(customer.get("member").asBoolean()).isTrue();
        assertThat(customer.get("leaves")).hasSize(2);
        for (JsonNode leaf : customer.get("leaves")) {
            assertThat(leaf.get("held").asBoolean()).isTrue();
        }
    }

    private long expectedMembers() throws Exception {
        return directCount(expectedMembersSql("count(*)"));
    }

    private long firstExpectedMember() throws Exception {
        return directCount(expectedMembersSql("min(c.customer_id)"));
    }

    private String expectedMembersSql(String select) {
        return "SELECT " + select + " FROM customers c WHERE c.country IN ('DE', 'FR') AND (SELECT count(*) FROM orders o"
                + " WHERE o.customer_id = c.customer_id AND o.status = 'completed' AND o.ordered_at >= ?"
                + " AND o.ordered_at < ?) >= 2";
    }

    private long directCount(String sql) throws Exception {
        Instant asOf = facts.asOf();
        try (Connection connection = warehouse.connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                statement.setObject(1, asOf.minus(365, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC).toLocalDateTime());
                statement.setObject(2, asOf.atOffset(ZoneOffset.UTC).toLocalDateTime());
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private JsonNode post(String path, String body) {
        return client.toBlocking().retrieve(HttpRequest.POST(path, body), JsonNode.class);
    }

    private JsonNode get(String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path), JsonNode.class);
    }

    private HttpClientResponseException postExpectingError(String path, String body) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> post(path, body));
    }
}
