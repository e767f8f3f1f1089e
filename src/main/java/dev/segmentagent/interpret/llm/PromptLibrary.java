package dev.segmentagent.interpret.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.input.PromptTemplate;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.ExamplePair;
import dev.segmentagent.catalog.ModelSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parts of the system prompt that come from files and the catalog rather than from the request: the
 * definition JSON Schema, the events and models the model may name (a few dozen lines whatever the number
 * of fields) and the catalog's reviewed examples, each rendered through {@code prompts/few-shot.md}.
 * Built once per catalog; the templates are filled by langchain4j's {@link PromptTemplate}.
 */
final class PromptLibrary {

    static final String SCHEMA_RESOURCE = "/segment/definition.schema.json";
    static final String FEW_SHOT_RESOURCE = "/prompts/few-shot.md";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String schema;
    private final String vocabulary;
    private final String examples;

    PromptLibrary(Catalog catalog) {
        this.schema = compactJson(resource(SCHEMA_RESOURCE));
        this.vocabulary = vocabulary(catalog);
        this.examples = examples(catalog.examples(), PromptTemplate.from(resource(FEW_SHOT_RESOURCE)));
    }

    String schema() {
        return schema;
    }

    String vocabulary() {
        return vocabulary;
    }

    String examples() {
        return examples;
    }

    static String resource(String name) {
        return ChatModels.resource(name);
    }

    /** The schema without its indentation: the same content in about two thirds of the tokens. */
    private static String compactJson(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the definition schema is not JSON", e);
        }
    }

    /** One JSON line per event and per model: what an event, score or cluster condition may name. */
    private static String vocabulary(Catalog catalog) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (EventSpec event : catalog.events()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("event", event.name());
            line.put("description", event.description());
            if (!event.properties().isEmpty()) {
                Map<String, Object> properties = new LinkedHashMap<>();
                for (EventSpec.EventProperty p : event.properties()) {
                    properties.put(p.name(), p.allowedValues().isEmpty()
                            ? p.type().name().toLowerCase(java.util.Locale.ROOT) : p.allowedValues());
                }
                line.put("properties", properties);
            }
            if (!event.measures().isEmpty()) {
                line.put("measures", event.measures().stream().map(EventSpec.EventMeasure::name).toList());
            }
            lines.add(line);
        }
        for (ModelSpec model : catalog.models()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("model", model.name());
            line.put("kind", model.kind() == ModelSpec.Kind.SCORE ? "score (0..1)" : "cluster");
            line.put("description", model.description());
            if (!model.tiers().isEmpty()) {
                line.put("tiers", model.tiers());
            }
            lines.add(line);
        }
        return lines.stream().map(PromptLibrary::json).collect(Collectors.joining("\n"));
    }

    private static String examples(List<ExamplePair> pairs, PromptTemplate template) {
        return pairs.stream()
                .map(pair -> template.apply(Map.of(
                        "request", pair.request(),
                        "fields", pair.fields().isEmpty() ? "(none: events and models only)" : String.join(", ", pair.fields()),
                        "definition", json(pair.definition()))).text())
                .collect(Collectors.joining("\n\n"));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
