package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The running service over real HTTP: health, and one error shape for every failure. */
@MicronautTest
class ServiceHttpTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void health_endpoint_reports_up() {
        HttpResponse<JsonNode> response = client.toBlocking().exchange(HttpRequest.GET("/health"), JsonNode.class);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void unknown_route_answers_problem_json_with_code_and_stage() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/nothing-here"), JsonNode.class));

        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(e.getResponse().getContentType()).get().hasToString(Problem.MEDIA_TYPE);
        JsonNode problem = e.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("code").asText()).isEqualTo("not-found");
        assertThat(problem.get("stage").asText()).isEqualTo("request");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/nothing-here");
    }
}
