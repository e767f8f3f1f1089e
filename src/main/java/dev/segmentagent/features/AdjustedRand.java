package dev.segmentagent.features;

import java.util.HashMap;
import java.util.Map;

/**
 * Adjusted Rand index of two partitions of the same items (Hubert and Arabie, 1985): 1 for identical
 * partitions (up to renaming), about 0 for independent ones. Written here because it is a dozen lines and
 * Tribuo's clustering evaluator offers only (adjusted) mutual information.
 */
final class AdjustedRand {

    private AdjustedRand() {
    }

    static <A, B> double index(A[] left, B[] right) {
        if (left.length != right.length) {
            throw new IllegalArgumentException("partitions of different sizes: " + left.length + " vs " + right.length);
        }
        int n = left.length;
        if (n < 2) {
            return 1.0;
        }
        Map<A, Long> rows = new HashMap<>();
        Map<B, Long> columns = new HashMap<>();
        Map<Map.Entry<A, B>, Long> cells = new HashMap<>();
        for (int i = 0; i < n; i++) {
            rows.merge(left[i], 1L, Long::sum);
            columns.merge(right[i], 1L, Long::sum);
            cells.merge(Map.entry(left[i], right[i]), 1L, Long::sum);
        }
        double sumCells = cells.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double sumRows = rows.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double sumColumns = columns.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double expected = sumRows * sumColumns / pairs(n);
        double max = (sumRows + sumColumns) / 2;
        if (max == expected) {
            return 1.0; // both partitions trivial (all in one group or all singletons)
        }
        return (sumCells - expected) / (max - expected);
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }
}
