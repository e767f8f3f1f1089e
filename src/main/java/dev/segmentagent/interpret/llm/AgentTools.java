package dev.segmentagent.interpret.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.catalog.FieldProfile;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.ModelSpec;
import dev.segmentagent.interpret.HybridFieldRetriever;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreparedDefinition;
import dev.segmentagent.preview.PreviewService;
import dev.segmentagent.segment.DefinitionFormatException;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.ValidationIssue;
import dev.segmentagent.segment.ValidationResult;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The agent's tools: how the model looks beyond the candidate fields of its prompt. Every answer is JSON
 * built from the catalog, its aggregate profiles or the preview pipeline; none returns customer rows.
 * Stateless, so one instance serves concurrent requests.
 */
@Singleton
class AgentTools {

    static final int SEARCH_RESULTS = 8;

    private final CatalogService catalogs;
    private final FieldCards cards;
    private final HybridFieldRetriever retriever;
    private final DefinitionPipeline pipeline;
    private final PreviewService previews;

    AgentTools(CatalogService catalogs, FieldCards cards, HybridFieldRetriever retriever,
               DefinitionPipeline pipeline, PreviewService previews) {
        this.catalogs = catalogs;
        this.cards = cards;
        this.retriever = retriever;
        this.pipeline = pipeline;
        this.previews = previews;
    }

    @Tool("Searches the catalog for fields matching a few words (meaning and keywords). Returns the best fields "
            + "with description, type, unit, profile, deprecation note and look-alikes.")
    String searchFields(@P("what the field should measure, in a few words, e.g. 'email opens declining'") String words) {
        List<FieldCards.FieldCard> found = retriever.candidates(words, SEARCH_RESULTS * 2).stream()
                .filter(FieldCards::visible)
                .limit(SEARCH_RESULTS)
                .map(cards::card)
                .toList();
        return PromptLibrary.json(Map.of("fields", found));
    }

    @Tool("Describes one catalog field: description, type, unit, allowed values, profile, deprecation note, look-alikes.")
    String describeField(@P("the exact field name") String name) {
        return cards.card(name).map(PromptLibrary::json).orElseGet(() -> unknownField(name));
    }

    /** The most frequent values with their counts, from the field profile: aggregates only. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Values(String field, long distinct, List<FieldProfile.ValueCount> topValues, String note) {}

    @Tool("Lists the most frequent values of a low-cardinality field (enum, boolean or short text) with how many "
            + "customers have each.")
    String sampleValues(@P("the exact field name") String field) {
        FieldSpec spec = catalogs.field(field).filter(FieldCards::visible).orElse(null);
        if (spec == null) {
            return unknownField(field);
        }
        if (spec.pii()) {
            return PromptLibrary.json(new Values(field, 0, List.of(),
                    "personal data: values are not shown; allowed values: " + spec.allowedValues()));
        }
        FieldProfile profile = catalogs.profile(field).orElse(null);
        if (profile == null) {
            return PromptLibrary.json(new Values(field, 0, List.of(), "no profile yet (features not built)"));
        }
        String note = profile.topValues().isEmpty()
                ? "not a low-cardinality field; see describeField for its range" : null;
        return PromptLibrary.json(new Values(field, profile.distinct(), profile.topValues(), note));
    }

    /** The outcome of counting a draft: members, or the problems that stop it from running. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Count(Boolean valid, Long members, Long ofCustomers, List<ValidationIssue> issues, String error) {}

    @Tool("Validates a draft segment definition and counts the customers it matches. Returns the count, or the "
            + "problems to fix (with the closest valid names).")
    String countMembers(@P("the draft definition as JSON text, e.g. {\"condition\": {...}}") String definitionJson) {
        SegmentDefinition definition;
        try {
            definition = SegmentJson.parse(definitionJson);
        } catch (DefinitionFormatException e) {
            return PromptLibrary.json(new Count(false, null, null, List.of(), e.getMessage()));
        }
        ValidationResult validation = pipeline.validate(definition, null);
        if (!validation.isValid()) {
            return PromptLibrary.json(new Count(false, null, null, validation.errors(), null));
        }
        PreparedDefinition prepared = pipeline.prepare(definition, null, null);
        var preview = previews.preview(prepared, 0);
        return PromptLibrary.json(new Count(true, preview.count(), preview.baseCount(), validation.warnings(), null));
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Model(String model, String kind, String description, List<String> tiers, List<String> clusters) {}

    @Tool("Lists the score models (probabilities 0..1, with named tiers) and cluster models (with their cluster names "
            + "as last trained) a condition can test.")
    String listModels() {
        var clusterNames = pipeline.clusterNames();
        return PromptLibrary.json(Map.of("models", catalogs.catalog().models().stream()
                .map(m -> new Model(m.name(), m.kind() == ModelSpec.Kind.SCORE ? "score" : "cluster",
                        m.description(), m.tiers(),
                        m.kind() == ModelSpec.Kind.CLUSTER ? clusterNames.of(m.name()).orElse(List.of()) : List.of()))
                .toList()));
    }

    private String unknownField(String name) {
        List<String> closest = catalogs.search(name, 10).stream().map(h -> h.field())
                .filter(FieldCards::visible).limit(5).map(FieldSpec::name).toList();
        return PromptLibrary.json(Map.of("error", "no field named '" + name + "'", "closest", closest));
    }
}
