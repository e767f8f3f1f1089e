package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(environments = CatalogControllerTest.ENVIRONMENT)
class CatalogControllerTest {

    static final String ENVIRONMENT = "catalog-api-test";

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void search_ranks_the_obvious_field_first_with_profile_stats() {
        JsonNode page = get("/api/catalog/fields?q=open%20rate&limit=3");

        JsonNode first = page.get("items").get(0);
        assertThat(first.get("name").asText()).isEqualTo("email_open_rate_30d");
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(first.get("lookAlikes").toString()).contains("email_open_rate_90d");
        // fixture: Ana 0.5, Ben and Dee received no email -> 2 of 3 null
        JsonNode profile = first.get("profile");
        assertThat(profile.get("rows").asLong()).isEqualTo(3);
        assertThat(profile.get("nullRate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(profile.get("max").asDouble()).isEqualTo(0.5);
        assertThat(page.get("items")).hasSize(3);
    }

    @Test
    void lists_fields_of_a_group_with_paging_and_value_counts() {
        JsonNode page = get("/api/catalog/fields?group=demographics&limit=2&offset=1");

        assertThat(page.get("total").asInt()).isEqualTo(4); // age, gender, country, city
        assertThat(names(page)).containsExactly("gender", "country");
        JsonNode gender = page.get("items").get(0);
        assertThat(gender.get("allowedValues")).hasSize(4);
        assertThat(gender.get("profile").get("topValues").get(0).get("value").asText()).isEqualTo("female");
        assertThat(gender.get("profile").get("topValues").get(0).get("count").asLong()).isEqualTo(2);
    }

    @Test
    void describes_a_deprecated_field_with_its_replacement_and_pii_flag() {
        JsonNode field = get("/api/catalog/fields/total_spend");
        assertThat(field.get("deprecated").get("use").asText()).isEqualTo("revenue_total");
        assertThat(field.get("pii").asBoolean()).isFalse();

        JsonNode email = get("/api/catalog/fields/email");
        assertThat(email.get("pii").asBoolean()).isTrue();
        assertThat(email.get("piiConditionAllowed").asBoolean()).isFalse();
        // counted, but no values leave the service (empty lists are omitted from the JSON)
        assertThat(email.get("profile").get("nonNull").asLong()).isEqualTo(3);
        assertThat(email.get("profile").path("topValues").size()).isZero();
    }

    @Test
    void unknown_field_is_a_404_problem_naming_close_fields() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/catalog/fields/revenue_totl"), JsonNode.class));

        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(e.getResponse().getContentType()).get().hasToString(Problem.MEDIA_TYPE);
        JsonNode problem = e.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.get("code").asText()).isEqualTo("unknown-field");
        assertThat(problem.get("detail").asText()).contains("no catalog field named 'revenue_totl'");
        assertThat(problem.get("issues").toString()).contains("revenue_total");
    }

    @Test
    void rejects_out_of_range_limit() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/catalog/fields?limit=0"), JsonNode.class));

        assertThat(e.getStatus().getCode()).isEqualTo(400);
    }

    private JsonNode get(String uri) {
        return client.toBlocking().retrieve(HttpRequest.GET(uri), JsonNode.class);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }
}
