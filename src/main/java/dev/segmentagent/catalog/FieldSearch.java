package dev.segmentagent.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks catalog fields for a plain-words query. Each {@link FieldScorer} (keywords now; an embedding scorer
 * can be added later without changing callers) is normalised to 0..1 by its best score and weighted; the
 * sum ranks the fields. Deprecated fields are halved so their replacement ranks first while old names still
 * resolve. Ties keep catalog order, so results are deterministic.
 */
public final class FieldSearch {

    private static final double DEPRECATED_FACTOR = 0.5;

    public record WeightedScorer(FieldScorer scorer, double weight) {}

    private final Catalog catalog;
    private final List<WeightedScorer> scorers;
    private final Map<String, Integer> order = new HashMap<>();

    public FieldSearch(Catalog catalog, List<WeightedScorer> scorers) {
        this.catalog = catalog;
        this.scorers = List.copyOf(scorers);
        for (int i = 0; i < catalog.fields().size(); i++) {
            order.put(catalog.fields().get(i).name(), i);
        }
    }

    /** Keyword search only. */
    public static FieldSearch keywords(Catalog catalog) {
        return new FieldSearch(catalog, List.of(new WeightedScorer(new KeywordScorer(catalog), 1.0)));
    }

    /** Fields matching the query at all, best first. */
    public List<FieldHit> search(String query) {
        Map<String, Double> combined = new HashMap<>();
        for (WeightedScorer weighted : scorers) {
            Map<String, Double> scores = weighted.scorer().score(query);
            double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            if (best <= 0) {
                continue;
            }
            scores.forEach((name, score) -> {
                if (score > 0) {
                    combined.merge(name, weighted.weight() * score / best, Double::sum);
                }
            });
        }
        List<FieldHit> hits = new ArrayList<>();
        combined.forEach((name, score) -> catalog.field(name).ifPresent(field ->
                hits.add(new FieldHit(field, field.deprecated() ? score * DEPRECATED_FACTOR : score))));
        hits.sort(Comparator.comparingDouble(FieldHit::score).reversed()
                .thenComparing(hit -> order.getOrDefault(hit.field().name(), Integer.MAX_VALUE)));
        return hits;
    }

    public List<FieldHit> search(String query, int limit) {
        List<FieldHit> hits = search(query);
        return hits.subList(0, Math.min(limit, hits.size()));
    }
}
