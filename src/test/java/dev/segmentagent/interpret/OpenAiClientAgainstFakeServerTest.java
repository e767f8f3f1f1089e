package dev.segmentagent.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.segmentagent.interpret.fake.FakeOpenAiServer;
import dev.segmentagent.interpret.fake.RecordedRequest;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.SegmentDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real langchain4j-open-ai client against the local fake endpoint: proves the builder options, the tool
 * round trip, retries, timeouts and structured output the agent will be built on.
 */
class OpenAiClientAgainstFakeServerTest {

    private FakeOpenAiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private OpenAiChatModel model(Duration timeout, int maxRetries) {
        return builder(timeout, maxRetries).build();
    }

    private OpenAiChatModel.OpenAiChatModelBuilder builder(Duration timeout, int maxRetries) {
        return OpenAiChatModel.builder()
                .baseUrl(server.baseUrl())
                .apiKey("test")
                .modelName("gpt-4o-mini")
                .timeout(timeout)
                .maxRetries(maxRetries);
    }

    interface Explainer {
        String answer(String question);
    }

    record FieldChoice(String field, double confidence, List<String> alternatives) {}

    interface FieldChooser {
        FieldChoice choose(String request);
    }

    interface DefinitionWriter {
        SegmentDefinition write(String request);
    }

    @Test
    void plain_chat_returns_recorded_content_and_token_usage() {
        server = FakeOpenAiServer.replaying("plain-answer");

        ChatResponse response = model(Duration.ofSeconds(5), 0).chat(UserMessage.from("What is a segment?"));

        assertThat(response.aiMessage().text()).startsWith("A segment is a group of customers");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(23);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(26);
        assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(49);
        assertThat(response.finishReason()).hasToString("STOP");
        RecordedRequest sent = server.request(0);
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.authorization()).isEqualTo("Bearer test");
        assertThat(sent.body().path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(sent.messages("user")).singleElement()
                .satisfies(m -> assertThat(m.path("content").asText()).isEqualTo("What is a segment?"));
        assertThat(server.usage().totalTokens()).isEqualTo(49);
    }

    @Test
    void ai_service_runs_the_recorded_tool_call_and_sends_its_result_back() {
        server = FakeOpenAiServer.replaying("tool-call-round");
        RecordingFieldTools tools = new RecordingFieldTools();
        Explainer agent = AiServices.builder(Explainer.class)
                .chatModel(model(Duration.ofSeconds(5), 0))
                .tools(tools)
                .build();

        String answer = agent.answer("customers who open our emails less than they used to");

        assertThat(answer).startsWith("Use email_open_rate_trend");
        assertThat(tools.queries()).containsExactly("email opens declining");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.request(0).toolNames()).containsExactly("searchFields");
        JsonNode offered = server.request(0).body().path("tools").get(0).path("function");
        assertThat(offered.path("parameters").path("properties").has("query")).isTrue();

        RecordedRequest second = server.request(1);
        JsonNode assistantCall = second.messages("assistant").get(0).path("tool_calls").get(0);
        assertThat(assistantCall.path("id").asText()).isEqualTo("call_Qm3kD0fXr7ZsP1aY");
        assertThat(second.messages("tool")).singleElement().satisfies(toolMessage -> {
            assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_Qm3kD0fXr7ZsP1aY");
            assertThat(toolMessage.path("content").asText()).isEqualTo(RecordingFieldTools.RESULT);
        });
        assertThat(second.promptChars()).isGreaterThan(server.request(0).promptChars());
        assertThat(server.usage().promptTokens()).isEqualTo(112 + 171);
        assertThat(server.usage().completions()).isEqualTo(2);
        assertThat(server.remaining()).isZero();
    }

    @Test
    void rate_limited_request_is_retried_by_the_client_when_retries_are_allowed() {
        server = FakeOpenAiServer.replaying("rate-limit-then-success");

        ChatResponse response = model(Duration.ofSeconds(5), 1).chat(UserMessage.from("What is a segment?"));

        assertThat(response.aiMessage().text()).startsWith("A segment is a group of customers");
        assertThat(server.served()).containsExactly("01-rate-limited.fault.json", "02-answer.json");
        assertThat(server.request(1).rawBody()).isEqualTo(server.request(0).rawBody());
    }

    @Test
    void rate_limit_surfaces_as_rate_limit_exception_without_retries() {
        server = FakeOpenAiServer.replaying("rate-limit-then-success");

        assertThatThrownBy(() -> model(Duration.ofSeconds(5), 0).chat(UserMessage.from("What is a segment?")))
                .isInstanceOf(RateLimitException.class)
                .hasMessageContaining("Rate limit reached");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void delay_beyond_the_client_timeout_surfaces_as_an_exception() {
        server = FakeOpenAiServer.replaying("timeout");
        long started = System.nanoTime();

        assertThatThrownBy(() -> model(Duration.ofMillis(400), 0).chat(UserMessage.from("What is a segment?")))
                .isInstanceOf(dev.langchain4j.exception.TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void malformed_json_surfaces_as_an_exception_not_a_hang() {
        server = FakeOpenAiServer.replaying("malformed");

        assertThatThrownBy(() -> model(Duration.ofSeconds(5), 0).chat(UserMessage.from("What is a segment?")))
                // langchain4j 1.19 wraps the Jackson error in a plain RuntimeException, not a LangChain4jException
                .isInstanceOf(RuntimeException.class)
                .hasRootCauseInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void server_error_surfaces_as_internal_server_exception() {
        server = FakeOpenAiServer.replaying("server-error");

        assertThatThrownBy(() -> model(Duration.ofSeconds(5), 0).chat(UserMessage.from("What is a segment?")))
                .isInstanceOf(InternalServerException.class);
    }

    @Test
    void structured_output_parses_a_record_from_the_recorded_json_answer() {
        server = FakeOpenAiServer.replaying("structured-record");
        FieldChooser chooser = AiServices.create(FieldChooser.class, model(Duration.ofSeconds(5), 0));

        FieldChoice choice = chooser.choose("lifetime revenue");

        assertThat(choice).isEqualTo(new FieldChoice("revenue_lifetime", 0.86, List.of("revenue_365d", "aov_lifetime")));
    }

    @Test
    void structured_output_parses_the_segment_ast_with_its_type_discriminator() {
        server = FakeOpenAiServer.replaying("structured-definition");
        DefinitionWriter writer = AiServices.create(DefinitionWriter.class, model(Duration.ofSeconds(5), 0));

        SegmentDefinition definition = writer.write("high churn risk customers who bought twice in 90 days");

        assertThat(definition.name()).isEqualTo("at_risk_recent_buyers");
        assertThat(definition.condition()).isInstanceOf(Condition.And.class);
        List<Condition> parts = ((Condition.And) definition.condition()).conditions();
        assertThat(parts.get(0)).isEqualTo(new Condition.Score("churn", ComparisonOp.GTE, 0.7, null));
        assertThat(parts.get(1)).isInstanceOfSatisfying(Condition.Event.class, event -> {
            assertThat(event.window().lastDays()).isEqualTo(90);
            assertThat(event.count().value()).isEqualTo(2L);
        });
    }

    @Test
    void json_schema_mode_sends_the_ast_as_a_strict_schema_with_type_discriminators() {
        server = FakeOpenAiServer.replaying("structured-definition");
        OpenAiChatModel jsonSchemaModel = builder(Duration.ofSeconds(5), 0)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .strictJsonSchema(true)
                .build();
        DefinitionWriter writer = AiServices.create(DefinitionWriter.class, jsonSchemaModel);

        SegmentDefinition definition = writer.write("high churn risk customers who bought twice in 90 days");

        assertThat(definition.condition()).isInstanceOf(Condition.And.class);
        JsonNode format = server.request(0).body().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        List<String> discriminators = new java.util.ArrayList<>();
        format.path("json_schema").path("schema").path("properties").path("condition").path("anyOf")
                .forEach(branch -> discriminators.add(branch.path("properties").path("type").path("enum").get(0).asText()));
        assertThat(discriminators).containsExactly("and", "or", "not", "compare", "between", "in", "isNull",
                "event", "score", "cluster", "inSegment");
        // Without the capability the user message only gets "condition: (type: ...Condition: {})" appended.
        assertThat(server.request(0).messages("user").get(0).path("content").asText())
                .isEqualTo("high churn risk customers who bought twice in 90 days");
    }
}
