package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.interpret.Interpretation;
import dev.segmentagent.interpret.InterpreterFailureException;
import dev.segmentagent.interpret.RequestInterpreter;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Property;
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
 * A configured interpreter that fails in a way the planner must not paper over (fallback not allowed) leaves
 * as problem+json with the interpreter's code and status at stage interpret.
 */
@MicronautTest(environments = "interpreter-failure")
@Property(name = "segment.llm.fallback-to-offline", value = "true")
class InterpreterFailureHttpTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void given_an_interpreter_failure_without_fallback_when_generating_then_a_problem_at_stage_interpret() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.POST("/api/segments/generate",
                        "{\"request\": \"customers in Germany\"}"), JsonNode.class));

        assertThat(e.getStatus().getCode()).isEqualTo(502);
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t ->
                assertThat(t.toString()).startsWith("application/problem+json"));
        JsonNode problem = e.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.get("code").asText()).isEqualTo("llm-bad-output");
        assertThat(problem.get("stage").asText()).isEqualTo("interpret");
        assertThat(problem.get("detail").asText()).contains("not a definition");
    }

    /** Stands in for the LLM agent: it always fails with an error the planner may not answer for. */
    @Primary
    @Singleton
    @Requires(env = "interpreter-failure")
    static class BrokenInterpreter implements RequestInterpreter {
        @Override
        public Interpretation interpret(String request) {
            throw new InterpreterFailureException("llm-bad-output", 502, false,
                    "the model kept answering with something that is not a definition", null);
        }

        @Override
        public String name() {
            return "broken-llm";
        }
    }
}
