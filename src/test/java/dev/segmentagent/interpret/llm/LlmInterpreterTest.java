package dev.segmentagent.interpret.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.interpret.Interpretation;
import dev.segmentagent.interpret.InterpreterFailureException;
import dev.segmentagent.interpret.MeasuredInterpreter;
import dev.segmentagent.interpret.RequestInterpreter;
import dev.segmentagent.interpret.fake.FakeOpenAiServer;
import dev.segmentagent.interpret.fake.RecordedRequest;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreviewService;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.Literal;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The LLM agent end to end over the real langchain4j-open-ai client against the loopback fake endpoint
 * replaying recorded chat completions: tools run against the real catalog, profiles and preview pipeline of
 * the demo data, and every failure surfaces with the code the API reports.
 */
@MicronautTest
@Property(name = "segment.llm.base-url", value = "http://127.0.0.1:9/v1")
@Property(name = "segment.llm.model", value = "gpt-4o-mini")
class LlmInterpreterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ApplicationContext context;

    @Inject
    RequestInterpreter configured;

    @Inject
    DefinitionPipeline pipeline;

    @Inject
    PreviewService previews;

    private FakeOpenAiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private LlmInterpreter agent(String scenario) {
        return agent(scenario, LlmConfig.of("unused", "test-key", "gpt-4o-mini").withMaxRetries(0));
    }

    private LlmInterpreter agent(String scenario, LlmConfig config) {
        server = FakeOpenAiServer.replaying(scenario);
        LlmConfig pointed = new LlmConfig(server.baseUrl(), config.apiKey(), config.model(), config.timeout(),
                config.maxRetries(), config.maxRepairAttempts(), config.temperature(), config.maxTokensPerRequest(),
                config.maxOutputTokens(), config.candidateFields(), config.maxToolCalls(), config.jsonMode());
        return new AgentTestBeans(context).interpreter(pointed);
    }

    @Test
    void given_a_base_url_when_the_app_starts_then_the_llm_agent_is_the_interpreter_named_after_its_model() {
        assertThat(configured).isInstanceOf(LlmInterpreter.class);
        assertThat(configured.name()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void given_a_request_when_the_model_calls_tools_then_they_run_on_the_catalog_and_the_answer_is_a_valid_definition()
            throws IOException {
        LlmInterpreter agent = agent("agent-answer-with-tools");

        MeasuredInterpreter.Measured measured = agent.interpretMeasured("high-value customers whose engagement is slipping");

        Interpretation.Answer answer = (Interpretation.Answer) measured.interpretation();
        assertThat(answer.definition().condition()).isEqualTo(new Condition.And(List.of(
                new Condition.Compare("revenue_365d", ComparisonOp.GTE, Literal.of(500L)),
                new Condition.Compare("email_open_rate_change", ComparisonOp.LTE, Literal.of(-0.15)))));
        assertThat(answer.fields()).extracting(Interpretation.FieldChoice::field)
                .containsExactly("revenue_365d", "email_open_rate_change");
        assertThat(answer.assumptions()).anyMatch(a -> a.contains("500 EUR"));
        assertThat(answer.rationale()).isNotBlank();
        assertThat(measured.usage().toolsCalled()).containsExactly("searchFields", "describeField", "countMembers");
        assertThat(measured.usage().llmCalls()).isEqualTo(3);
        assertThat(measured.usage().promptTokens()).isEqualTo(4210 + 5032 + 5190);
        assertThat(measured.usage().completionTokens()).isEqualTo(41 + 88 + 150);
        assertThat(measured.usage().repairs()).isZero();

        RecordedRequest first = server.request(0);
        assertThat(first.toolNames()).containsExactlyInAnyOrder("searchFields", "describeField", "sampleValues",
                "countMembers", "listModels");
        assertThat(first.body().path("response_format").path("type").asText()).isEqualTo("json_object");
        String system = first.messages("system").get(0).path("content").asText();
        assertThat(system).contains("\"$id\":\"https://segment-agent.dev/schema/segment-definition.json\"")
                .contains("Request: high-value customers whose engagement is slipping") // few-shot from examples.yml
                .contains("{\"event\":\"purchase\"").contains("{\"model\":\"churn\"")
                .doesNotContain("{{");
        String user = first.messages("user").get(0).path("content").asText();
        assertThat(user).startsWith("Request: high-value customers whose engagement is slipping")
                .contains("{\"field\":\"revenue_365d\"");
        assertThat(user.lines().filter(l -> l.startsWith("{\"field\":")).count()).isEqualTo(25);

        // The tool results the model saw come from the catalog, its profiles and the preview pipeline.
        List<JsonNode> toolResults = server.request(1).messages("tool");
        assertThat(toolResults).hasSize(2);
        assertThat(toolResults.get(0).path("content").asText()).contains("email_open_rate_change");
        JsonNode described = JSON.readTree(toolResults.get(1).path("content").asText());
        assertThat(described.path("field").asText()).isEqualTo("email_open_rate_change");
        assertThat(described.path("profile").has("min")).isTrue();
        JsonNode counted = JSON.readTree(server.request(2).messages("tool").get(2).path("content").asText());
        long expected = previews.preview(pipeline.prepare(answer.definition(), null, null), 0).count();
        assertThat(counted.path("valid").asBoolean()).isTrue();
        assertThat(counted.path("members").asLong()).isEqualTo(expected).isPositive();
        assertThat(server.remaining()).isZero();
    }

    @Test
    void given_an_answer_naming_a_missing_field_when_repaired_then_the_validator_suggestions_reach_the_model_and_the_fix_is_returned() {
        LlmInterpreter agent = agent("agent-repair");

        MeasuredInterpreter.Measured measured = agent.interpretMeasured("customers with a high lifetime revenue");

        Interpretation.Answer answer = (Interpretation.Answer) measured.interpretation();
        assertThat(answer.definition().condition()).isInstanceOfSatisfying(Condition.Compare.class,
                c -> assertThat(c.field()).isEqualTo("revenue_total"));
        assertThat(measured.usage().repairs()).isEqualTo(1);
        assertThat(measured.usage().llmCalls()).isEqualTo(2);
        RecordedRequest repair = server.request(1);
        // The repair turn continues the conversation: the model's own answer, then the problems.
        assertThat(repair.messages("assistant").get(0).path("content").asText()).contains("lifetime_revenue");
        String problems = repair.messages("user").get(1).path("content").asText();
        assertThat(problems).contains("attempt 1 of 3").contains("UNKNOWN_FIELD").contains("lifetime_revenue")
                .contains("$.definition.condition.field").contains("Suggestions:").contains("revenue_total");
    }

    @Test
    void given_a_field_the_catalog_lacks_when_every_repair_fails_then_the_request_is_refused_with_what_was_tried() {
        LlmInterpreter agent = agent("agent-unrepairable",
                LlmConfig.of("unused", "k", "gpt-4o-mini").withMaxRetries(0).withMaxRepairAttempts(2));

        InterpreterFailureException failure = catchThrowableOfType(
                () -> agent.interpret("customers with lots of loyalty points"), InterpreterFailureException.class);

        assertThat(failure.code()).isEqualTo("interpretation-failed");
        assertThat(failure.httpStatus()).isEqualTo(422);
        assertThat(failure.fallbackAllowed()).isFalse();
        assertThat(failure.getMessage()).contains("after 2 repair rounds").contains("attempt 1:").contains("attempt 3:")
                .contains("loyalty_points_balance").contains("UNKNOWN_FIELD");
        assertThat(server.requests()).hasSize(3);
        assertThat(server.remaining()).isZero();
    }

    @Test
    void given_a_token_budget_when_the_first_answer_spends_it_then_no_repair_is_attempted() {
        LlmConfig defaults = LlmConfig.of("unused", "k", "gpt-4o-mini");
        LlmInterpreter agent = agent("agent-unrepairable", new LlmConfig("unused", "k", "gpt-4o-mini",
                defaults.timeout(), 0, 3, 0.0, 4000, defaults.maxOutputTokens(), defaults.candidateFields(),
                defaults.maxToolCalls(), true));

        InterpreterFailureException failure = catchThrowableOfType(
                () -> agent.interpret("customers with lots of loyalty points"), InterpreterFailureException.class);

        assertThat(failure.code()).isEqualTo("interpretation-failed");
        assertThat(failure.getMessage()).contains("token budget of 4000");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void given_an_ambiguous_request_when_the_model_asks_back_then_a_clarification_with_options_is_returned() {
        LlmInterpreter agent = agent("agent-clarify");

        Interpretation result = agent.interpret("active customers");

        assertThat(result).isInstanceOfSatisfying(Interpretation.Clarification.class, c -> {
            assertThat(c.question()).contains("active");
            assertThat(c.options()).hasSize(3);
            assertThat(c.options().get(0)).isEqualTo(new Interpretation.Option("Ordered in the last 90 days",
                    "customers who placed an order in the last 90 days"));
        });
    }

    @Test
    void given_a_slow_endpoint_when_the_timeout_passes_then_llm_timeout_lets_the_planner_answer() {
        LlmInterpreter agent = agent("timeout",
                LlmConfig.of("unused", "k", "gpt-4o-mini").withMaxRetries(0).withTimeout(Duration.ofMillis(400)));

        InterpreterFailureException failure = catchThrowableOfType(
                () -> agent.interpret("customers who bought twice"), InterpreterFailureException.class);

        assertThat(failure.code()).isEqualTo("llm-timeout");
        assertThat(failure.httpStatus()).isEqualTo(504);
        assertThat(failure.fallbackAllowed()).isTrue();
        assertThat(failure.getMessage()).contains("400 ms");
    }

    @Test
    void given_a_rate_limit_when_a_retry_is_allowed_then_the_retry_answers() {
        LlmInterpreter agent = agent("agent-rate-limit-then-answer",
                LlmConfig.of("unused", "k", "gpt-4o-mini").withMaxRetries(1));

        Interpretation result = agent.interpret("customers who ordered at least 3 times this year");

        assertThat(result).isInstanceOf(Interpretation.Answer.class);
        assertThat(server.served()).containsExactly("01-rate-limited.fault.json", "02-answer.json");
    }

    @Test
    void given_a_rate_limit_that_persists_when_retries_run_out_then_llm_rate_limited() {
        LlmInterpreter agent = agent("agent-rate-limited",
                LlmConfig.of("unused", "k", "gpt-4o-mini").withMaxRetries(1));

        InterpreterFailureException failure = catchThrowableOfType(
                () -> agent.interpret("customers who ordered at least 3 times this year"), InterpreterFailureException.class);

        assertThat(failure.code()).isEqualTo("llm-rate-limited");
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(failure.fallbackAllowed()).isTrue();
        assertThat(server.requests()).as("one call and one retry, no more").hasSize(2);
    }

    @Test
    void given_prose_instead_of_json_when_repairs_run_out_then_llm_bad_output() {
        LlmInterpreter agent = agent("agent-garbage",
                LlmConfig.of("unused", "k", "gpt-4o-mini").withMaxRetries(0).withMaxRepairAttempts(2));

        InterpreterFailureException failure = catchThrowableOfType(
                () -> agent.interpret("shoe lovers"), InterpreterFailureException.class);

        assertThat(failure.code()).isEqualTo("llm-bad-output");
        assertThat(failure.httpStatus()).isEqualTo(502);
        assertThat(failure.fallbackAllowed()).isTrue();
        assertThat(failure.getMessage()).contains("not a JSON object");
        assertThat(server.request(1).messages("user").get(1).path("content").asText()).contains("not a JSON object");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void given_a_model_that_only_calls_tools_when_the_round_trip_limit_passes_then_llm_bad_output() {
        LlmConfig defaults = LlmConfig.of("unused", "k", "gpt-4o-mini");
        LlmInterpreter agent = agent("agent-tool-loop", new LlmConfig("unused", "k", "gpt-4o-mini",
                defaults.timeout(), 0, 3, 0.0, defaults.maxTokensPerRequest(), defaults.maxOutputTokens(),
                defaults.candidateFields(), 2, true));

        InterpreterFailureException failure = catchThrowableOfType(
                () -> agent.interpret("loyal customers"), InterpreterFailureException.class);

        assertThat(failure.code()).isEqualTo("llm-bad-output");
        assertThat(failure.fallbackAllowed()).isTrue();
        assertThat(failure.getMessage()).contains("kept calling tools");
        assertThat(server.requests().size()).isLessThanOrEqualTo(3);
    }

    @Test
    void given_a_response_cut_short_when_it_is_not_json_then_llm_bad_output() {
        LlmInterpreter agent = agent("malformed");

        InterpreterFailureException failure = catchThrowableOfType(
                () -> agent.interpret("shoe lovers"), InterpreterFailureException.class);

        assertThat(failure.code()).isEqualTo("llm-bad-output");
        assertThat(failure.fallbackAllowed()).isTrue();
    }

    @Test
    void given_a_server_error_when_no_retry_is_left_then_llm_unavailable() {
        LlmInterpreter agent = agent("server-error");

        InterpreterFailureException failure = catchThrowableOfType(
                () -> agent.interpret("shoe lovers"), InterpreterFailureException.class);

        assertThat(failure.code()).isEqualTo("llm-unavailable");
        assertThat(failure.httpStatus()).isEqualTo(502);
        assertThat(failure.fallbackAllowed()).isTrue();
    }

    @Test
    void given_nothing_listening_when_the_agent_calls_then_llm_unavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LlmInterpreter agent = new AgentTestBeans(context).interpreter(
                LlmConfig.of("http://127.0.0.1:" + closedPort + "/v1", "k", "gpt-4o-mini").withMaxRetries(0));

        InterpreterFailureException failure = catchThrowableOfType(
                () -> agent.interpret("shoe lovers"), InterpreterFailureException.class);

        assertThat(failure.code()).isEqualTo("llm-unavailable");
        assertThat(failure.fallbackAllowed()).isTrue();
        assertThat(failure.getMessage()).contains("could not be reached");
    }

    @Test
    void given_the_same_agent_when_two_requests_run_at_once_then_each_gets_its_own_conversation_and_usage() throws Exception {
        server = FakeOpenAiServer.start().enqueueScenario("agent-simple-answer").enqueueScenario("agent-simple-answer");
        LlmInterpreter agent = new AgentTestBeans(context).interpreter(
                LlmConfig.of(server.baseUrl(), "k", "gpt-4o-mini").withMaxRetries(0));

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> agent.interpretMeasured("customers who ordered at least 3 times this year"));
            var b = pool.submit(() -> agent.interpretMeasured("customers who ordered 3 or more times in a year"));
            for (var measured : List.of(a.get(), b.get())) {
                assertThat(measured.interpretation()).isInstanceOf(Interpretation.Answer.class);
                assertThat(measured.usage().llmCalls()).isEqualTo(1);
                assertThat(measured.usage().promptTokens()).isEqualTo(3700);
            }
        } finally {
            pool.shutdownNow();
        }
        for (RecordedRequest request : server.requests()) {
            assertThat(request.messages("user")).hasSize(1);
            assertThat(request.messages("assistant")).isEmpty();
        }
    }
}
