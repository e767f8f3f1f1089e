package dev.segmentagent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.segment.SegmentJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A definition read from a file or stdin ("-"). Besides a bare definition ({"condition": ...}) it takes a draft
 * or a saved segment ({"definition": {...}, "name": ...}), so {@code ask --json | jq .draft | save --definition -}
 * and a segment fetched from the REST API both work without reshaping.
 */
record DefinitionInput(JsonNode definition, String name, String description, String sourceRequest) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Read before the application context starts, so a wrong path or broken JSON fails in milliseconds. */
    static DefinitionInput read(String source) throws IOException {
        String text;
        if ("-".equals(source)) {
            InputStream in = System.in;
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } else {
            text = Files.readString(Path.of(source));
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            SegmentJson.parse(text); // throws the definition format's own MALFORMED_JSON with position
            throw e;
        }
        if (json != null && json.isObject() && json.has("definition") && !json.has("condition")) {
            return new DefinitionInput(json.get("definition"), text(json, "name"), text(json, "description"),
                    text(json, "sourceRequest"));
        }
        return new DefinitionInput(json, json == null ? null : text(json, "name"),
                json == null ? null : text(json, "description"), null);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
