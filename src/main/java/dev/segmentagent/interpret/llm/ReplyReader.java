package dev.segmentagent.interpret.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.interpret.Interpretation;
import dev.segmentagent.segment.DefinitionFormatException;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.ValidationIssue;
import dev.segmentagent.segment.ValidationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the model's answer: one JSON object of kind answer, clarify or decline. The envelope is read
 * leniently (a code fence or a sentence around the object is dropped, since small local models add them),
 * the definition inside strictly with {@link SegmentJson} and then validated against the catalog. Anything
 * unusable comes back as the list of problems the repair prompt sends to the model.
 */
final class ReplyReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a reply turned out to be. */
    sealed interface Reply {
        record Usable(Interpretation interpretation) implements Reply {}

        /**
         * @param kind   NOT_JSON and BAD_SHAPE are garbage; INVALID_DEFINITION is a definition that names
         *               something the catalog lacks or breaks a rule
         */
        record Unusable(Kind kind, List<String> problems) implements Reply {
            public Unusable {
                problems = List.copyOf(problems);
            }
        }
    }

    enum Kind { NOT_JSON, BAD_SHAPE, INVALID_DEFINITION }

    private final Function<SegmentDefinition, ValidationResult> validator;

    ReplyReader(Function<SegmentDefinition, ValidationResult> validator) {
        this.validator = validator;
    }

    Reply read(String text) {
        JsonNode reply = envelope(text);
        if (reply == null) {
            return new Reply.Unusable(Kind.NOT_JSON, List.of(
                    "the answer is not a JSON object; answer with one JSON object of kind answer, clarify or decline"));
        }
        String kind = reply.path("kind").asText("");
        return switch (kind) {
            case "answer" -> answer(reply);
            case "clarify" -> clarification(reply);
            case "decline" -> decline(reply);
            default -> new Reply.Unusable(Kind.BAD_SHAPE, List.of(
                    "$.kind: expected \"answer\", \"clarify\" or \"decline\", got " + clip(reply.path("kind").toString())));
        };
    }

    private Reply answer(JsonNode reply) {
        JsonNode definitionNode = reply.get("definition");
        if (definitionNode == null || !definitionNode.isObject()) {
            return new Reply.Unusable(Kind.BAD_SHAPE, List.of("$.definition: an answer needs a definition object"));
        }
        SegmentDefinition definition;
        try {
            definition = SegmentJson.parse(definitionNode);
        } catch (DefinitionFormatException e) {
            return new Reply.Unusable(Kind.INVALID_DEFINITION, List.of(
                    "$.definition" + e.path().substring(1) + ": " + e.code() + ": " + e.detail()));
        }
        ValidationResult validation = validator.apply(definition);
        if (!validation.isValid()) {
            List<String> problems = new ArrayList<>();
            for (ValidationIssue issue : validation.errors()) {
                problems.add("$.definition" + issue.path().substring(1) + ": " + issue.code() + ": " + issue.message()
                        + (issue.suggestions().isEmpty() ? "" : " Suggestions: " + String.join(", ", issue.suggestions())));
            }
            return new Reply.Unusable(Kind.INVALID_DEFINITION, problems);
        }
        List<Interpretation.FieldChoice> fields = new ArrayList<>();
        reply.path("fields").forEach(f -> {
            String field = f.isTextual() ? f.asText() : f.path("field").asText("");
            if (!field.isBlank()) {
                fields.add(new Interpretation.FieldChoice(field, f.path("why").asText("")));
            }
        });
        return new Reply.Usable(new Interpretation.Answer(definition, fields, strings(reply.path("assumptions")),
                reply.path("rationale").asText("")));
    }

    private static Reply clarification(JsonNode reply) {
        String question = reply.path("question").asText("");
        List<Interpretation.Option> options = new ArrayList<>();
        reply.path("options").forEach(o -> {
            String label = o.isTextual() ? o.asText() : o.path("label").asText("");
            String request = o.isTextual() ? o.asText() : o.path("request").asText(label);
            if (!label.isBlank()) {
                options.add(new Interpretation.Option(label, request.isBlank() ? label : request));
            }
        });
        List<String> problems = new ArrayList<>();
        if (question.isBlank()) {
            problems.add("$.question: a clarification needs a question");
        }
        if (options.size() < 2) {
            problems.add("$.options: a clarification needs at least 2 options, each {label, request}");
        }
        return problems.isEmpty() ? new Reply.Usable(new Interpretation.Clarification(question, options))
                : new Reply.Unusable(Kind.BAD_SHAPE, problems);
    }

    private static Reply decline(JsonNode reply) {
        String reason = reply.path("reason").asText("");
        if (reason.isBlank()) {
            return new Reply.Unusable(Kind.BAD_SHAPE, List.of("$.reason: a refusal needs a reason"));
        }
        return new Reply.Usable(new Interpretation.Declined(reason, strings(reply.path("suggestions"))));
    }

    /** The outermost JSON object in the text, or null. */
    static JsonNode envelope(String text) {
        if (text == null) {
            return null;
        }
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text.substring(start, end + 1));
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> {
            if (v.isTextual() && !v.asText().isBlank()) {
                values.add(v.asText());
            }
        });
        return values;
    }

    private static String clip(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
