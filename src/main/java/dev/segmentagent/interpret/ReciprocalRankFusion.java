package dev.segmentagent.interpret;

import dev.segmentagent.catalog.FieldSpec;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke, Büttcher 2009): score = Σ over rankings of 1 / (60 + rank). It uses
 * ranks only, so rankers whose scores live on different scales (cosine vs word overlap) never need calibrating
 * against each other, and a field that several rankers place well rises above one that a single ranker loves.
 */
final class ReciprocalRankFusion {

    /** The damping constant from the paper; it keeps rank 1 from drowning out ranks 2..10. */
    static final int K = 60;

    private ReciprocalRankFusion() {
    }

    /**
     * The top {@code limit} fields of the fused rankings, best first, scored by their RRF sum. Equal sums keep
     * the order of first appearance (earlier rankings first), so the result is deterministic.
     */
    static List<ScoredField> fuse(int limit, List<List<ScoredField>> rankings) {
        Map<String, Fused> fused = new LinkedHashMap<>();
        for (List<ScoredField> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                FieldSpec field = ranking.get(i).field();
                int order = fused.size();
                fused.computeIfAbsent(field.name(), name -> new Fused(field, order)).score += 1.0 / (K + i + 1);
            }
        }
        return fused.values().stream()
                .sorted(Comparator.comparingDouble((Fused f) -> f.score).reversed()
                        .thenComparingInt(f -> f.firstSeen))
                .limit(Math.max(0, limit))
                .map(f -> new ScoredField(f.field, f.score))
                .toList();
    }

    private static final class Fused {
        private final FieldSpec field;
        private final int firstSeen;
        private double score;

        Fused(FieldSpec field, int firstSeen) {
            this.field = field;
            this.firstSeen = firstSeen;
        }
    }
}
