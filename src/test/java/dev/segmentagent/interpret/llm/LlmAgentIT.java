package dev.segmentagent.interpret.llm;

import dev.segmentagent.interpret.Interpretation;
import dev.segmentagent.interpret.MeasuredInterpreter;
import dev.segmentagent.interpret.RequestInterpreter;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreviewService;
import dev.segmentagent.segment.Condition;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The agent against a real endpoint: {@code SEGMENT_LLM_BASE_URL} (+ {@code SEGMENT_LLM_API_KEY},
 * {@code SEGMENT_LLM_MODEL}), or OpenAI when only {@code OPENAI_API_KEY} is set. Skipped otherwise. Surefire
 * never runs {@code *IT}; run it by hand: {@code mvn test -Dtest=LlmAgentIT -Dsurefire.failIfNoSpecifiedTests=false}.
 * Asserts what any competent model must get right on the demo catalog, and prints tokens and latency.
 */
class LlmAgentIT {

    private static ApplicationContext context;
    private static MeasuredInterpreter agent;

    @BeforeAll
    static void start() {
        String baseUrl = System.getenv("SEGMENT_LLM_BASE_URL");
        String openAiKey = System.getenv("OPENAI_API_KEY");
        assumeTrue(baseUrl != null && !baseUrl.isBlank() || openAiKey != null && !openAiKey.isBlank(),
                "set SEGMENT_LLM_BASE_URL or OPENAI_API_KEY to run the agent against a real endpoint");
        Map<String, Object> properties = new HashMap<>();
        properties.put("segment.llm.base-url", baseUrl != null && !baseUrl.isBlank() ? baseUrl : "https://api.openai.com/v1");
        String key = System.getenv("SEGMENT_LLM_API_KEY");
        properties.put("segment.llm.api-key", key != null && !key.isBlank() ? key : openAiKey == null ? "" : openAiKey);
        String model = System.getenv("SEGMENT_LLM_MODEL");
        properties.put("segment.llm.model", model != null && !model.isBlank() ? model : "gpt-4o-mini");
        context = ApplicationContext.run(properties, "test");
        RequestInterpreter interpreter = context.getBean(RequestInterpreter.class);
        assertThat(interpreter).isInstanceOf(LlmInterpreter.class);
        agent = (MeasuredInterpreter) interpreter;
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    private MeasuredInterpreter.Measured ask(String request) {
        MeasuredInterpreter.Measured measured = agent.interpretMeasured(request);
        System.out.printf("%s -> %s | %s%n", request, measured.interpretation().getClass().getSimpleName(), measured.usage());
        return measured;
    }

    private long members(Interpretation.Answer answer) {
        DefinitionPipeline pipeline = context.getBean(DefinitionPipeline.class);
        return context.getBean(PreviewService.class).preview(pipeline.prepare(answer.definition(), null, null), 0).count();
    }

    @Test
    void lifetime_value_maps_to_net_lifetime_revenue_not_its_look_alikes() {
        Interpretation result = ask("customers with a lifetime value above 1000 euros").interpretation();

        assertThat(result).isInstanceOfSatisfying(Interpretation.Answer.class, answer -> {
            assertThat(answer.definition().condition()).isInstanceOfSatisfying(Condition.Compare.class,
                    c -> assertThat(c.field()).isEqualTo("revenue_total"));
            assertThat(members(answer)).isPositive();
        });
    }

    @Test
    void high_value_slipping_engagement_is_a_runnable_definition_with_stated_assumptions() {
        Interpretation result = ask("find high-value customers showing signs of declining engagement").interpretation();

        assertThat(result).isInstanceOfSatisfying(Interpretation.Answer.class, answer -> {
            assertThat(answer.fields()).isNotEmpty();
            assertThat(answer.assumptions()).isNotEmpty();
            assertThat(members(answer)).isPositive();
        });
    }

    @Test
    void likely_churners_use_the_churn_model() {
        Interpretation result = ask("customers likely to churn").interpretation();

        assertThat(result).isInstanceOfSatisfying(Interpretation.Answer.class, answer ->
                assertThat(answer.definition().toString()).contains("churn"));
    }

    @Test
    void active_customers_without_a_catalog_definition_of_active_get_a_question() {
        Interpretation result = ask("active customers").interpretation();

        assertThat(result).isInstanceOfSatisfying(Interpretation.Clarification.class,
                c -> assertThat(c.options()).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void a_request_that_is_not_about_customers_is_declined() {
        Interpretation result = ask("what will the weather be in Berlin tomorrow").interpretation();

        assertThat(result).isInstanceOf(Interpretation.Declined.class);
    }
}
