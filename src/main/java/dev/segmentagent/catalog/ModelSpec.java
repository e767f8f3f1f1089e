package dev.segmentagent.catalog;

import java.util.List;

/**
 * A model whose output a {@code score} or {@code cluster} condition can test.
 *
 * @param kind   SCORE for probability models (churn, purchase_propensity), CLUSTER for k-means clusterings
 * @param tiers  named tiers of a score model (e.g. high, medium, low), empty for clusterings
 * @param scoreMin lowest score the model gives (0 for probabilities; 3 for the RFM sum of three quintiles)
 * @param scoreMax highest score the model gives (1 for probabilities; 15 for RFM)
 */
public record ModelSpec(String name, Kind kind, String description, List<String> synonyms, List<String> tiers,
                        double scoreMin, double scoreMax) {

    public ModelSpec {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        if (!(scoreMin < scoreMax)) {
            throw new IllegalArgumentException("model " + name + ": score range needs min < max, got " + scoreMin + ".." + scoreMax);
        }
    }

    /** A probability model: scores in [0, 1]. */
    public ModelSpec(String name, Kind kind, String description, List<String> synonyms, List<String> tiers) {
        this(name, kind, description, synonyms, tiers, 0.0, 1.0);
    }

    /** Whether scores are probabilities (the default range 0..1). */
    public boolean probabilityScore() {
        return scoreMin == 0.0 && scoreMax == 1.0;
    }

    public enum Kind { SCORE, CLUSTER }
}
