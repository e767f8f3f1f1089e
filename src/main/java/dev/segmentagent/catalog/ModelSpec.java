package dev.segmentagent.catalog;

import java.util.List;

/**
 * A model whose output a {@code score} or {@code cluster} condition can test.
 *
 * @param kind   SCORE for probability models (churn, purchase_propensity), CLUSTER for k-means clusterings
 * @param tiers  named tiers of a score model (e.g. high, medium, low), empty for clusterings
 */
public record ModelSpec(String name, Kind kind, String description, List<String> synonyms, List<String> tiers) {

    public ModelSpec {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public enum Kind { SCORE, CLUSTER }
}
