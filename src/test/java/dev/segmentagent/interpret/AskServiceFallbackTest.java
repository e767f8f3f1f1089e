package dev.segmentagent.interpret;

import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.DefinitionRejectedException;
import dev.segmentagent.preview.PreviewService;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.SegmentDefinition;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AskService with a primary interpreter that fails: outage falls back to the planner, the rest is reported. */
@MicronautTest
class AskServiceFallbackTest {

    @Inject
    @Named("offline-planner")
    RequestInterpreter planner;

    @Inject
    DefinitionPipeline pipeline;

    @Inject
    PreviewService previews;

    @Test
    void given_a_provider_outage_and_fallback_on_when_asked_then_the_planner_answers_and_says_so() {
        AskService asks = new AskService(failing(true), planner, pipeline, previews, true);

        AskResult result = asks.ask("customers in Germany");

        assertThat(result.kind()).isEqualTo("answer");
        assertThat(result.interpreter()).isEqualTo("offline-planner");
        assertThat(result.fallback()).contains("llm-timeout").contains("offline planner");
    }

    @Test
    void given_fallback_off_or_not_allowed_when_asked_then_the_failure_is_rethrown() {
        assertThatThrownBy(() -> new AskService(failing(true), planner, pipeline, previews, false)
                .ask("customers in Germany")).isInstanceOf(InterpreterFailureException.class);
        assertThatThrownBy(() -> new AskService(failing(false), planner, pipeline, previews, true)
                .ask("customers in Germany")).isInstanceOf(InterpreterFailureException.class);
    }

    @Test
    void given_an_answer_naming_an_unknown_field_when_asked_then_the_pipeline_rejects_it() {
        RequestInterpreter wrong = new RequestInterpreter() {
            @Override
            public Interpretation interpret(String request) {
                return new Interpretation.Answer(new SegmentDefinition("x", null,
                        new Condition.IsNull("no_such_field")), List.of(), List.of(), "made up");
            }

            @Override
            public String name() {
                return "wrong";
            }
        };

        assertThatThrownBy(() -> new AskService(wrong, planner, pipeline, previews, true).ask("anything"))
                .isInstanceOf(DefinitionRejectedException.class);
    }

    private static RequestInterpreter failing(boolean fallbackAllowed) {
        return new RequestInterpreter() {
            @Override
            public Interpretation interpret(String request) {
                throw new InterpreterFailureException("llm-timeout", 504, fallbackAllowed, "no answer in 30 s", null);
            }

            @Override
            public String name() {
                return "fake-llm";
            }
        };
    }
}
