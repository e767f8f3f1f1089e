package dev.segmentagent.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Validates one catalog document against catalog.schema.json and reports each violation at its line. */
final class CatalogSchemaValidator {

    private final JsonSchema schema;

    CatalogSchemaValidator(JsonNode schemaNode) {
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    }

    List<CatalogProblem> validate(YamlDocument document) {
        Set<ValidationMessage> messages = schema.validate(document.json());
        List<CatalogProblem> problems = new ArrayList<>();
        for (ValidationMessage message : messages) {
            String path = path(message.getInstanceLocation());
            // For an unknown property the useful line is the property's own, not its parent object's.
            if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
                String property = message.getProperty();
                problems.add(document.problem(path.isEmpty() ? property : path + "." + property,
                        "unknown property '" + property + "'"));
                continue;
            }
            problems.add(document.problem(path, reason(message)));
        }
        problems.sort(Comparator.comparingInt(CatalogProblem::line).thenComparing(CatalogProblem::path));
        return problems;
    }

    /** fields[3].type from the validator's $.fields[3].type */
    static String path(JsonNodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(element);
            }
        }
        return path.toString();
    }

    /** The validator's message without its "$.x.y: " location prefix, which our own prefix replaces. */
    private static String reason(ValidationMessage message) {
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        if (text.startsWith("$") && colon > 0) {
            text = text.substring(colon + 2);
        }
        if ("not".equals(message.getType())) {
            JsonNode required = message.getSchemaNode() == null ? null : message.getSchemaNode().get("required");
            if (required != null && required.size() == 1) {
                return "property '" + required.get(0).asText() + "' is not allowed here";
            }
            JsonNode pattern = message.getSchemaNode() == null ? null : message.getSchemaNode().get("pattern");
            if (pattern != null && pattern.asText().equals("\\.$")) {
                return "'" + message.getInstanceNode().asText() + "' ends with a full stop: write a phrase, not a sentence";
            }
        }
        if ("pattern".equals(message.getType())) {
            JsonNode node = message.getSchemaNode();
            String pattern = node == null ? "" : node.isTextual() ? node.asText() : node.path("pattern").asText();
            if (pattern.contains("\\{")) {
                // the wording patterns: an event property phrase needs {} where its values go
                return "'" + message.getInstanceNode().asText() + "' needs {} where the filter values go";
            }
            if (pattern.startsWith("^\\S")) {
                return "'" + message.getInstanceNode().asText() + "' must not start or end with a space";
            }
            return "'" + message.getInstanceNode().asText() + "' is not a valid identifier"
                    + " (lower-case letters, digits and _, starting with a letter, at most 63 characters)";
        }
        return text;
    }
}
