package dev.segmentagent.bench;

import java.util.List;
import java.util.Map;

/** What one bench run measured, printed as a table and written as JSON. */
public record BenchReport(String machine, long customers, int definitions, Map<String, String> data,
                          LatencyStats validateCompile, LatencyStats preview, List<PerDefinition> previews) {

    /** Preview latency and result size of one definition of the mix. */
    public record PerDefinition(String name, long count, double p50Millis, double maxMillis) {}

    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nSegment Agent bench — %,d customers, %d definitions, %s%n%n", customers,
                definitions, machine));
        out.append(String.format("| measure | samples | p50 | p90 | p99 | max |%n|---|---:|---:|---:|---:|---:|%n"));
        row(out, "validate + compile (µs)", validateCompile);
        row(out, "preview: count + funnel + sample (ms)", preview);
        out.append(String.format("%n| definition | members | p50 ms | max ms |%n|---|---:|---:|---:|%n"));
        for (PerDefinition d : previews) {
            out.append(String.format("| %s | %,d | %.1f | %.1f |%n", d.name(), d.count(), d.p50Millis(), d.maxMillis()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, LatencyStats s) {
        out.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", label, s.samples(), s.p50(), s.p90(),
                s.p99(), s.max()));
    }
}
