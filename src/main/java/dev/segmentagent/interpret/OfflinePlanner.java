package dev.segmentagent.interpret;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.catalog.FieldHit;
import dev.segmentagent.catalog.FieldProfile;
import dev.segmentagent.interpret.Interpretation.Answer;
import dev.segmentagent.interpret.Interpretation.Declined;
import dev.segmentagent.interpret.PlanContext.Placed;
import dev.segmentagent.interpret.PlanContext.Rule;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseFacts;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The interpreter used when no LLM is configured: deterministic, offline, explainable. Phrase rules (models,
 * vague terms, measures, attributes, events) each turn a span of the request into a condition; the spans are
 * joined with "and" unless the words between them say "or". Whatever is left must be filler: a word nobody
 * understood makes the planner clarify (a known ambiguous word) or decline (anything else), so part of a
 * request is never silently dropped.
 */
@Singleton
@Named(OfflinePlanner.NAME)
public class OfflinePlanner implements RequestInterpreter {

    public static final String NAME = "offline-planner";

    private final Supplier<Catalog> catalog;
    private final Supplier<Map<String, FieldProfile>> profiles;
    private final Supplier<Instant> asOf;
    private final Percentiles percentiles;
    private final FieldSuggestions suggestions;
    private final RequestScope scope = new RequestScope();
    private volatile RuleSet cached;

    /** Rules compiled for one catalog and one set of profiles (cluster names come from the profiles). */
    private record RuleSet(Catalog catalog, Map<String, FieldProfile> profiles, List<Rule> rules,
                           List<String> clusters) {}

    /** Fields whose words resemble the part of a request that was not understood. */
    @FunctionalInterface
    interface FieldSuggestions {
        List<String> near(String words);
    }

    @Inject
    public OfflinePlanner(CatalogService catalogs, WarehouseFacts facts, DuckDbWarehouse warehouse) {
        this(catalogs::catalog, catalogs::profiles, facts::asOf, new WarehousePercentiles(warehouse),
                words -> catalogs.search(words, 3).stream().map(FieldHit::field)
                        .filter(f -> !f.deprecated() && !f.pii())
                        .map(f -> f.name() + ": " + f.description()).toList());
    }

    OfflinePlanner(Supplier<Catalog> catalog, Supplier<Map<String, FieldProfile>> profiles, Supplier<Instant> asOf,
                   Percentiles percentiles, FieldSuggestions suggestions) {
        this.catalog = catalog;
        this.profiles = profiles;
        this.asOf = asOf;
        this.percentiles = percentiles;
        this.suggestions = suggestions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Interpretation interpret(String request) {
        String raw = request == null ? "" : request.strip();
        PlannerText text = PlannerText.of(raw);
        Optional<Declined> refusal = scope.refusal(raw.toLowerCase(Locale.ROOT), text.original());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        RuleSet rules = rules();
        PlanContext context = new PlanContext(text, rules.catalog(), asOf.get(), percentiles);
        try {
            context.apply(rules.rules());
        } catch (PlanningStop stop) {
            return stop.interpretation();
        }
        List<String> leftover = text.leftover();
        if (!leftover.isEmpty()) {
            String words = String.join(" ", leftover);
            Optional<? extends Interpretation> clarification = scope.ambiguity(words, raw, rules.clusters());
            if (clarification.isPresent()) {
                return clarification.get();
            }
            List<String> near = suggestions.near(words);
            return new Declined("I could not map '" + words + "' to anything in the catalog, and I will not "
                    + "leave part of the request out." + (near.isEmpty() ? "" : " Fields with similar words are "
                    + "listed as suggestions."), near.isEmpty() ? List.of("customers who bought shoes in the "
                    + "last 90 days", "high-value customers likely to churn") : near);
        }
        List<Placed> placed = context.placed();
        if (placed.isEmpty()) {
            return new Declined("The request names no condition on customers. Say which customers you mean.",
                    List.of("customers who bought shoes in the last 90 days", "customers in Germany who can be "
                            + "emailed"));
        }
        Condition condition = combine(placed, text);
        SegmentDefinition definition = new SegmentDefinition(slug(raw), raw, condition);
        String rationale = "Offline planner: " + context.fields().stream()
                .map(f -> f.why() + " -> " + f.field()).collect(Collectors.joining("; "))
                + (placed.size() > 1 ? "; parts joined with " + (condition instanceof Condition.Or ? "or" : "and")
                : "") + ".";
        return new Answer(definition, context.fields(), context.assumptions(), rationale);
    }

    /** "a and b or c": or binds the neighbours it stands between; everything else is and. */
    private static Condition combine(List<Placed> placed, PlannerText text) {
        List<Condition> conjuncts = new ArrayList<>();
        List<Condition> alternatives = new ArrayList<>(List.of(placed.get(0).condition()));
        for (int i = 1; i < placed.size(); i++) {
            String gap = text.between(placed.get(i - 1).end(), placed.get(i).start());
            boolean or = gap.matches(".*\\bor\\b.*") && !gap.matches(".*\\b(?:and|but|who|with|whose)\\b.*");
            if (!or) {
                conjuncts.add(Nodes.or(alternatives));
                alternatives = new ArrayList<>();
            }
            alternatives.add(placed.get(i).condition());
        }
        conjuncts.add(Nodes.or(alternatives));
        return Nodes.and(conjuncts);
    }

    private RuleSet rules() {
        Catalog current = catalog.get();
        Map<String, FieldProfile> currentProfiles = profiles.get();
        RuleSet set = cached;
        if (set != null && set.catalog() == current && set.profiles() == currentProfiles) {
            return set;
        }
        Vocabulary vocabulary = new Vocabulary(current);
        ModelPhrases models = new ModelPhrases(currentProfiles);
        List<Rule> rules = new ArrayList<>();
        rules.addAll(models.rules());
        rules.addAll(new VagueTerms().rules());
        rules.addAll(new AttributePhrases(vocabulary).rules());
        rules.addAll(new MeasurePhrases().rules());
        rules.addAll(new EventPhrases(vocabulary).rules());
        set = new RuleSet(current, currentProfiles, List.copyOf(rules), models.clusterNames());
        cached = set;
        return set;
    }

    private static String slug(String request) {
        String slug = request.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("_$", "") : slug;
    }
}
