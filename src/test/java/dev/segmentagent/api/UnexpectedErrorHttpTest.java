package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.interpret.Interpretation;
import dev.segmentagent.interpret.RequestInterpreter;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An error no handler knows is a 500 problem that says so and carries an incident id; it neither blames the
 * request body (it used to: "The request body could not be read") nor leaks the internal message.
 */
@MicronautTest(environments = "unexpected-error")
class UnexpectedErrorHttpTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void given_an_unhandled_error_when_generating_then_a_500_problem_with_an_incident_id_and_no_internals() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.POST("/api/segments/generate",
                        "{\"request\": \"customers in Germany\"}"), JsonNode.class));

        assertThat(e.getStatus().getCode()).isEqualTo(500);
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t ->
                assertThat(t.toString()).startsWith("application/problem+json"));
        JsonNode problem = e.getResponse().getBody(JsonNode.class).orElseThrow();
        String detail = problem.get("detail").asText();
        assertThat(detail).matches("An unexpected error occurred\\. Incident [0-9a-f-]{36} is in the service log.*");
        assertThat(detail).doesNotContain("request body", "dev.segmentagent", "secret-table");
        assertThat(problem.get("status").asInt()).isEqualTo(500);
    }

    /** Fails with a plain runtime error whose message is internal. */
    @Primary
    @Singleton
    @Requires(env = "unexpected-error")
    static class FailingInterpreter implements RequestInterpreter {
        @Override
        public Interpretation interpret(String request) {
            throw new IllegalStateException("java.lang.NullPointerException in dev.segmentagent.X reading secret-table");
        }

        @Override
        public String name() {
            return "failing";
        }
    }
}
