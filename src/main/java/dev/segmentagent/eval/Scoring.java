package dev.segmentagent.eval;

import java.util.HashSet;
import java.util.Set;

/** The eval's measures, kept pure so they are tested on their own. */
final class Scoring {

    private Scoring() {
    }

    static boolean exactMatch(Set<Long> produced, Set<Long> gold) {
        return produced.equals(gold);
    }

    /** Jaccard similarity of two member sets; two empty sets are identical (1.0). */
    static double jaccard(Set<Long> produced, Set<Long> gold) {
        if (produced.isEmpty() && gold.isEmpty()) {
            return 1.0;
        }
        Set<Long> intersection = new HashSet<>(produced);
        intersection.retainAll(gold);
        Set<Long> union = new HashSet<>(produced);
        union.addAll(gold);
        return (double) intersection.size() / union.size();
    }

    /** Clarify expected: a clarification is right. Decline expected: a refusal is right. */
    static boolean behaviourCorrect(EvalCase.Expected expected, String outcome) {
        return switch (expected) {
            case CLARIFY -> outcome.equals("clarification");
            case DECLINE -> outcome.equals("declined");
            case ANSWER -> outcome.equals("answer");
        };
    }

    /** The nearest-rank percentile of sorted values (p in 0..100). */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
