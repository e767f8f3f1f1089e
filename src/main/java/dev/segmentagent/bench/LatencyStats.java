package dev.segmentagent.bench;

import java.util.Arrays;

/** Percentiles of a set of measured durations (nearest-rank on the sorted samples). */
public record LatencyStats(int samples, double p50, double p90, double p99, double max, String unit) {

    public static LatencyStats of(long[] nanos, double nanosPerUnit, String unit) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, rank(sorted, 0.50) / nanosPerUnit, rank(sorted, 0.90) / nanosPerUnit,
                rank(sorted, 0.99) / nanosPerUnit, sorted[sorted.length - 1] / nanosPerUnit, unit);
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
