package dev.segmentagent.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.interpret.Interpretation.FieldChoice;
import dev.segmentagent.interpret.Interpretation.Option;
import dev.segmentagent.preview.Preview;
import dev.segmentagent.segment.ValidationIssue;
import io.micronaut.core.annotation.Introspected;

import java.util.List;

/**
 * What every channel shows for a request: the interpreter's answer (a draft ready to save, with its
 * explanation, fields, assumptions and preview), its clarifying question, or its refusal; plus who answered,
 * how fast and at what token cost.
 *
 * @param kind       answer | clarification | declined
 * @param fallback   set when the configured interpreter failed and the offline planner answered instead
 * @param draft      for an answer: the body POST /api/segments accepts unchanged
 */
@Introspected
public record AskResult(String request, String interpreter, String kind, Draft draft, String explanation,
                        List<FieldChoice> fields, List<String> assumptions, String rationale, Preview preview,
                        List<ValidationIssue> warnings, String question, List<Option> options, String reason,
                        List<String> suggestions, String fallback, long latencyMillis, long tokens) {

    /** A segment ready to save: name, description, definition JSON and the request it came from. */
    @Introspected
    public record Draft(String name, String description, JsonNode definition, String sourceRequest) {}
}
