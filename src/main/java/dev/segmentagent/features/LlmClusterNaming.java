package dev.segmentagent.features;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Asks the configured LLM to polish the rule-based cluster names (prompt: {@code prompts/cluster-names.md}).
 * It sees cluster aggregates only (share, the rule-based wording, the largest deviations from the base),
 * never a customer. Every answer is checked: an unknown id, a name of the wrong shape, a duplicate or a
 * persona of the wrong length keeps that cluster's rule-based wording; an endpoint failure keeps them all,
 * with a warning. Training never fails because of naming.
 */
@Singleton
@Requires(beans = LlmConfig.class)
final class LlmClusterNaming implements ClusterNaming {

    static final String PROMPT = "/prompts/cluster-names.md";
    private static final Logger LOG = LoggerFactory.getLogger(LlmClusterNaming.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} '&-]{2,39}");
    private static final int MIN_PERSONA = 20;
    private static final int MAX_PERSONA = 160;
    private static final int DEVIATIONS_SHOWN = 6;

    private final ChatModel model;
    private final String author;
    private final String instructions;

    @jakarta.inject.Inject
    LlmClusterNaming(LlmConfig config) {
        this(ChatModels.of(config), config.model());
    }

    LlmClusterNaming(ChatModel model, String modelName) {
        this.model = model;
        this.author = "LLM " + modelName;
        this.instructions = ChatModels.resource(PROMPT);
    }

    @Override
    public Result name(List<ClusterProfile> ruleNamed) {
        String reply;
        try {
            reply = model.chat(SystemMessage.from(instructions), UserMessage.from(request(ruleNamed).toPrettyString()))
                    .aiMessage().text();
        } catch (RuntimeException e) {
            LOG.warn("the LLM could not name the clusters; keeping the rule-based names: {}", e.getMessage());
            return new Result(ruleNamed, "rules", "the LLM could not name the clusters (" + e.getMessage()
                    + "); the rule-based names are kept");
        }
        return read(reply, ruleNamed);
    }

    /** What the model may see: per cluster, its share, the rule-based wording and its largest deviations. */
    static ObjectNode request(List<ClusterProfile> profiles) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode clusters = root.putArray("clusters");
        for (ClusterProfile p : profiles) {
            ObjectNode node = clusters.addObject();
            node.put("id", p.clusterId());
            node.put("share", Math.round(p.share() * 1000) / 1000.0);
            node.put("ruleName", p.name());
            node.put("rulePersona", p.persona());
            ArrayNode deviations = node.putArray("differences");
            p.deviations().stream().limit(DEVIATIONS_SHOWN).forEach(d -> deviations.addObject()
                    .put("feature", d.feature())
                    .put("clusterMean", round(d.clusterMean()))
                    .put("baseMean", round(d.baseMean()))
                    .put("z", Math.round(d.z() * 100) / 100.0));
        }
        return root;
    }

    Result read(String reply, List<ClusterProfile> ruleNamed) {
        JsonNode root;
        try {
            root = JSON.readTree(ChatModels.withoutCodeFence(reply));
        } catch (IOException e) {
            return new Result(ruleNamed, "rules", "the LLM's cluster names were not JSON; the rule-based names are kept");
        }
        Map<Integer, JsonNode> answers = new HashMap<>();
        for (JsonNode c : root.path("clusters")) {
            if (c.path("id").canConvertToInt()) {
                answers.putIfAbsent(c.path("id").asInt(), c);
            }
        }
        List<ClusterProfile> named = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        List<String> kept = new ArrayList<>();
        int polished = 0;
        for (ClusterProfile p : ruleNamed) {
            JsonNode answer = answers.get(p.clusterId());
            String name = answer == null ? "" : clean(answer.path("name").asText(""));
            String persona = answer == null ? "" : clean(answer.path("persona").asText(""));
            boolean fits = NAME.matcher(name).matches() && persona.length() >= MIN_PERSONA
                    && persona.length() <= MAX_PERSONA && !taken.contains(name.toLowerCase(Locale.ROOT));
            if (fits) {
                polished++;
                named.add(new ClusterProfile(p.clusterId(), name, persona, p.size(), p.share(), p.centroid(), p.deviations()));
            } else {
                kept.add(p.name());
                named.add(p);
            }
            taken.add(named.get(named.size() - 1).name().toLowerCase(Locale.ROOT));
        }
        String warning = kept.isEmpty() ? null
                : "the LLM gave no usable name for " + String.join(", ", kept) + "; the rule-based wording is kept for it";
        return new Result(named, polished > 0 ? author : "rules", warning);
    }

    private static String clean(String text) {
        return text.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").trim();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
