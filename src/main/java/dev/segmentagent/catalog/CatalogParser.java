package dev.segmentagent.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a schema-valid catalog document onto the catalog records. It runs only after the JSON Schema passed,
 * so shapes and enum spellings are known to be right; meaning (references, uniqueness) is checked later.
 */
final class CatalogParser {

    private CatalogParser() {
    }

    static void parse(YamlDocument document, ParsedCatalog into) {
        JsonNode root = document.json();
        each(root, "tables", document, into.tables, CatalogParser::table);
        each(root, "fields", document, into.fields, CatalogParser::field);
        each(root, "events", document, into.events, CatalogParser::event);
        each(root, "models", document, into.models, CatalogParser::model);
        each(root, "examples", document, into.examples, CatalogParser::example);
    }

    private static <T> void each(JsonNode root, String section, YamlDocument document, List<Located<T>> into,
                                 java.util.function.Function<JsonNode, T> reader) {
        JsonNode items = root.path(section);
        for (int i = 0; i < items.size(); i++) {
            into.add(new Located<>(reader.apply(items.get(i)), document, section + "[" + i + "]"));
        }
    }

    private static TableSpec table(JsonNode node) {
        return new TableSpec(text(node, "name"), text(node, "description"), text(node, "grain"),
                text(node, "customerKey"), text(node, "timeColumn"));
    }

    private static FieldSpec field(JsonNode node) {
        JsonNode deprecated = node.get("deprecated");
        return new FieldSpec(
                text(node, "name"),
                text(node, "group"),
                FieldType.valueOf(upper(text(node, "type"))),
                text(node, "unit"),
                text(node, "description"),
                texts(node.get("synonyms")),
                texts(node.get("allowedValues")),
                node.path("pii").asBoolean(false),
                node.path("piiConditionAllowed").asBoolean(false),
                deprecated == null ? null : text(deprecated, "use"),
                texts(node.get("lookAlikes")),
                number(node, "min"),
                number(node, "max"),
                derivation(node.get("derivation")),
                wording(node));
    }

    private static FieldWording wording(JsonNode node) {
        java.util.Map<String, String> valueLabels = new java.util.LinkedHashMap<>();
        node.path("valueLabels").fields().forEachRemaining(e -> valueLabels.put(e.getKey(), e.getValue().asText()));
        return new FieldWording(text(node, "label"), text(node, "countVerb"), text(node, "whenTrue"),
                text(node, "whenFalse"), valueLabels);
    }

    private static Derivation derivation(JsonNode node) {
        String kind = node.fieldNames().next();
        JsonNode body = node.get(kind);
        return switch (kind) {
            case "column" -> new Derivation.Column(text(body, "table"), text(body, "column"),
                    body.has("transform") ? Derivation.Transform.valueOf(upper(text(body, "transform")))
                            : Derivation.Transform.NONE);
            case "aggregate" -> new Derivation.Aggregate(text(body, "table"),
                    Derivation.AggregateFunction.valueOf(upper(text(body, "function"))), text(body, "column"),
                    filters(body.get("filters")), body.has("windowDays") ? body.get("windowDays").asInt() : null);
            case "ratio" -> new Derivation.Ratio(text(body, "numerator"), text(body, "denominator"));
            case "difference" -> new Derivation.Difference(text(body, "minuend"), text(body, "subtrahend"));
            case "modelOutput" -> new Derivation.ModelOutput(text(body, "model"),
                    Derivation.ModelOutputKind.valueOf(upper(text(body, "output"))));
            default -> throw new IllegalStateException("schema admitted unknown derivation " + kind);
        };
    }

    private static List<Derivation.RowFilter> filters(JsonNode node) {
        List<Derivation.RowFilter> filters = new ArrayList<>();
        if (node == null) {
            return filters;
        }
        for (JsonNode filter : node) {
            List<String> values = filter.has("values") ? texts(filter.get("values"))
                    : filter.has("value") ? List.of(filter.get("value").asText()) : List.of();
            filters.add(new Derivation.RowFilter(text(filter, "column"),
                    Derivation.FilterOp.valueOf(upper(text(filter, "op"))), values));
        }
        return filters;
    }

    private static EventSpec event(JsonNode node) {
        List<EventSpec.EventProperty> properties = new ArrayList<>();
        for (JsonNode property : node.path("properties")) {
            properties.add(new EventSpec.EventProperty(text(property, "name"), text(property, "column"),
                    FieldType.valueOf(upper(text(property, "type"))), text(property, "description"),
                    texts(property.get("allowedValues")), text(property, "label"), text(property, "phrase"),
                    text(property, "unit")));
        }
        List<EventSpec.EventMeasure> measures = new ArrayList<>();
        for (JsonNode measure : node.path("measures")) {
            measures.add(new EventSpec.EventMeasure(text(measure, "name"), text(measure, "column"),
                    text(measure, "unit"), text(measure, "description"), text(measure, "label")));
        }
        return new EventSpec(text(node, "name"), text(node, "description"), texts(node.get("synonyms")),
                text(node, "table"), text(node, "timestamp"), filters(node.get("filters")), properties, measures,
                text(node, "did"), text(node, "didNot"));
    }

    private static ModelSpec model(JsonNode node) {
        return new ModelSpec(text(node, "name"), ModelSpec.Kind.valueOf(upper(text(node, "kind"))),
                text(node, "description"), texts(node.get("synonyms")), texts(node.get("tiers")));
    }

    private static ExamplePair example(JsonNode node) {
        return new ExamplePair(text(node, "request"), node.get("definition").deepCopy(), texts(node.get("fields")));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Double number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asDouble();
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null) {
            node.forEach(item -> values.add(item.asText()));
        }
        return values;
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
