package dev.segmentagent.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.segmentagent.interpret.llm.ChatModels;
import dev.segmentagent.interpret.llm.LlmConfig;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Asks the configured LLM to describe imported customer columns (prompt: {@code prompts/catalog-draft.md}).
 * The model sees column metadata and aggregate statistics only: no rows, and no values at all of columns
 * that look like personal data or of free-text columns (whose min/max would be someone's text). Its answer
 * is checked field by field; what does not fit (an unknown name, a too short or too long text) is dropped
 * and the heuristic wording stays.
 */
@Singleton
@Requires(beans = LlmConfig.class)
final class LlmColumnDescriber implements ColumnDescriber {

    static final String PROMPT = "/prompts/catalog-draft.md";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SYNONYM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} '&/-]{1,59}");
    private static final int MIN_DESCRIPTION = 20;
    private static final int MAX_DESCRIPTION = 300;
    private static final int MAX_SYNONYMS = 6;

    private final ChatModel model;
    private final String author;
    private final String instructions;

    @jakarta.inject.Inject
    LlmColumnDescriber(LlmConfig config) {
        this(ChatModels.of(config), config.model());
    }

    LlmColumnDescriber(ChatModel model, String modelName) {
        this.model = model;
        this.author = "LLM " + modelName;
        this.instructions = ChatModels.resource(PROMPT);
    }

    @Override
    public Map<String, DraftWording> describe(List<TableProfile> tables) {
        TableProfile customers = tables.stream().filter(t -> t.role().equals("customers")).findFirst().orElse(null);
        if (customers == null) {
            return DraftWording.NONE;
        }
        ObjectNode request = request(customers);
        Set<String> asked = new java.util.HashSet<>();
        request.withArray("columns").forEach(c -> asked.add(c.get("name").asText()));
        if (asked.isEmpty()) {
            return DraftWording.NONE;
        }
        String reply = model.chat(SystemMessage.from(instructions), UserMessage.from(request.toPrettyString()))
                .aiMessage().text();
        return read(reply, asked);
    }

    /** The metadata the model may see: identifiers, headers, types, units and aggregates; no rows, no PII values. */
    static ObjectNode request(TableProfile customers) {
        ObjectNode root = JSON.createObjectNode();
        root.put("table", "customers");
        root.put("rows", customers.rows());
        ArrayNode columns = root.putArray("columns");
        for (ColumnProfile c : customers.columns()) {
            ImportedColumn col = c.column();
            if (col.name().equals("customer_id")) {
                continue;
            }
            ObjectNode node = columns.addObject();
            node.put("name", col.name());
            node.put("header", col.source());
            node.put("type", CatalogDrafter.type(c));
            String unit = ColumnWords.unit(col.source(), col.name(), col.kind());
            if (unit != null) {
                node.put("unit", unit);
            }
            node.put("emptyShare", Math.round(1000 * c.nullRate()) / 1000.0);
            node.put("distinct", c.distinct());
            if (CatalogDrafter.personal(col.name())) {
                node.put("personalData", true);
            } else if (!c.values().isEmpty()) {
                ArrayNode values = node.putArray("values");
                c.values().forEach(values::add);
            } else if ((col.kind().numeric() || col.kind().temporal()) && c.min() != null) {
                node.put("min", c.min());
                node.put("max", c.max());
            }
        }
        return root;
    }

    Map<String, DraftWording> read(String reply, Set<String> asked) {
        JsonNode root;
        try {
            root = JSON.readTree(ChatModels.withoutCodeFence(reply));
        } catch (IOException e) {
            throw new IllegalStateException("the model's reply is not JSON: " + e.getMessage(), e);
        }
        Map<String, DraftWording> wording = new LinkedHashMap<>();
        for (JsonNode field : root.path("fields")) {
            String name = field.path("name").asText("");
            String description = field.path("description").asText("").replaceAll("\\p{Cntrl}", " ")
                    .replaceAll("\\s+", " ").trim();
            if (!asked.contains(name) || wording.containsKey(name)
                    || description.length() < MIN_DESCRIPTION || description.length() > MAX_DESCRIPTION) {
                continue;
            }
            List<String> synonyms = new ArrayList<>();
            for (JsonNode s : field.path("synonyms")) {
                String synonym = s.asText("").trim().toLowerCase(Locale.ROOT);
                if (SYNONYM.matcher(synonym).matches() && !synonym.equals(name) && !synonyms.contains(synonym)
                        && synonyms.size() < MAX_SYNONYMS) {
                    synonyms.add(synonym);
                }
            }
            wording.put(name, new DraftWording(description, synonyms, author));
        }
        if (wording.isEmpty()) {
            throw new IllegalStateException("the model described none of the columns "
                    + asked.stream().sorted().collect(Collectors.joining(", ")));
        }
        return wording;
    }
}
