package dev.segmentagent.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One evaluation case (a line of eval/cases.jsonl): a request and its gold - member SQL over the warehouse
 * ({@code gold_sql}, with {@code {as_of}} standing for the data's as-of timestamp), a definition
 * ({@code expected_definition}), or the expected behaviour {@code clarify} / {@code decline}.
 */
public record EvalCase(String id, String request, List<String> tags, String goldSql, JsonNode expectedDefinition,
                       Expected expected) {

    public enum Expected { ANSWER, CLARIFY, DECLINE }

    public EvalCase {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean answerable() {
        return expected == Expected.ANSWER;
    }

    public boolean tagged(String tag) {
        return tags.contains(tag);
    }

    public static EvalCase parse(JsonNode line) {
        String id = text(line, "id");
        String request = text(line, "request");
        if (id == null || request == null) {
            throw new IllegalArgumentException("an eval case needs an id and a request: " + line);
        }
        List<String> tags = new ArrayList<>();
        line.path("tags").forEach(t -> tags.add(t.asText()));
        String expected = text(line, "expected");
        String gold = text(line, "gold_sql");
        JsonNode definition = line.hasNonNull("expected_definition") ? line.get("expected_definition") : null;
        Expected kind;
        if (expected == null || expected.equals("answer")) {
            if (gold == null && definition == null) {
                throw new IllegalArgumentException("case " + id + " needs gold_sql, expected_definition or expected");
            }
            kind = Expected.ANSWER;
        } else if (expected.equals("clarify")) {
            kind = Expected.CLARIFY;
        } else if (expected.equals("decline")) {
            kind = Expected.DECLINE;
        } else {
            throw new IllegalArgumentException("case " + id + ": expected must be clarify or decline, got " + expected);
        }
        return new EvalCase(id, request, tags, gold, definition, kind);
    }

    public static List<EvalCase> read(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<EvalCase> cases = new ArrayList<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file)) {
                lineNo++;
                if (line.isBlank() || line.startsWith("//")) {
                    continue;
                }
                try {
                    cases.add(parse(json.readTree(line)));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read eval cases " + file, e);
        }
        return cases;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
