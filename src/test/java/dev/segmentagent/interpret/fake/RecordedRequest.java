package dev.segmentagent.interpret.fake;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A request the fake server received, kept so tests can assert what the client really sent: the tools it
 * offered, the messages (tool results included) and how big the prompt was.
 */
public record RecordedRequest(String path, String authorization, String rawBody, JsonNode body) {

    /** Names of the functions offered in {@code tools}, in order. */
    public List<String> toolNames() {
        List<String> names = new ArrayList<>();
        body.path("tools").forEach(tool -> names.add(tool.path("function").path("name").asText()));
        return names;
    }

    /** The {@code messages} array as sent. */
    public List<JsonNode> messages() {
        List<JsonNode> messages = new ArrayList<>();
        body.path("messages").forEach(messages::add);
        return messages;
    }

    /** Messages with the given role ("system", "user", "assistant", "tool"). */
    public List<JsonNode> messages(String role) {
        return messages().stream().filter(m -> role.equals(m.path("role").asText())).toList();
    }

    /** Characters of all message contents: a model-independent measure of prompt size. */
    public int promptChars() {
        return messages().stream().mapToInt(m -> m.path("content").asText("").length()).sum();
    }
}
