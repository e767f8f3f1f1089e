package dev.segmentagent.bench;

import java.util.List;
import java.util.Map;

/**
 * What one bench run measured, printed as a table and written as JSON. A section that was not run (its option
 * set to 0) is null or empty, never a made-up figure.
 */
public record BenchReport(String machine, long customers, int definitions, Map<String, String> data,
                          Startup startup, LatencyStats validateCompile, LatencyStats preview,
                          List<PerDefinition> previews, List<Refresh> refresh, List<Events> events,
                          LatencyStats planner, int plannerRequests, List<Tokens> tokens) {

    /** Preview latency and result size of one definition of the mix. */
    public record PerDefinition(String name, long count, double p50Millis, double maxMillis) {}

    /**
     * Start-up with the data folder as found (generated = it had to be built first), and heap used after a GC
     * with everything loaded; DuckDB's own memory is off-heap and reported apart.
     */
    public record Startup(double seconds, boolean generated, long heapUsedMiB, long duckDbMemoryMiB) {}

    /**
     * Full refresh of {@code segments} saved segments (all active ones: {@code refreshed}) through the live
     * service, first (every member written) and steady (data unchanged), against the same predicates as
     * hand-written SQL; mismatched counts segments whose member count differs from the hand-written query.
     */
    public record Refresh(int segments, int refreshed, long memberships, double handWrittenSeconds,
                          double firstSeconds, double steadySeconds, double firstRatio, double steadyRatio,
                          int failed, int mismatched) {}

    /** Event-to-membership latency at a target rate; achieved is what the generator managed. */
    public record Events(int targetPerSecond, double achievedPerSecond, int events, int batchSize,
                         LatencyStats latency, int neverEntered) {}

    /**
     * LLM agent tokens per request (one interpretation: every model call of it, tool rounds and repairs
     * included) with a catalog of {@code catalogFields} fields. {@code source} says whether a real endpoint
     * reported them or the tokenizer counted them; {@code maxCallPromptTokens} is the largest single call's
     * prompt (loopback only, 0 otherwise).
     */
    public record Tokens(int catalogFields, String source, int requests, int answered, int failed,
                         double callsPerRequest, long promptP50, long promptMax, long completionP50,
                         long completionMax, long maxCallPromptTokens) {}

    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nSegment Agent bench — %,d customers, %d definitions, %s%n%n", customers,
                definitions, machine));
        if (startup != null) {
            out.append(String.format("start-up %.1f s (%s), heap used %,d MiB, DuckDB memory %,d MiB%n%n",
                    startup.seconds(), startup.generated() ? "data generated" : "data reused", startup.heapUsedMiB(),
                    startup.duckDbMemoryMiB()));
        }
        out.append(String.format("| measure | samples | p50 | p90 | p99 | max |%n|---|---:|---:|---:|---:|---:|%n"));
        row(out, "validate + compile (µs)", validateCompile);
        row(out, "preview: count + funnel + sample (ms)", preview);
        if (planner != null) {
            row(out, "offline planner: request → definition (ms)", planner);
        }
        for (Events e : events) {
            if (e.latency() != null) {
                row(out, String.format("event → membership at %,d/s (ms)", e.targetPerSecond()), e.latency());
            }
        }
        if (!refresh.isEmpty()) {
            out.append(String.format("%n| full refresh | segments refreshed | memberships | hand-written SQL s | first s | ratio | steady s | ratio | failed | mismatched |%n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
            for (Refresh r : refresh) {
                out.append(String.format("| %,d segments | %,d | %,d | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %d |%n",
                        r.segments(), r.refreshed(), r.memberships(), r.handWrittenSeconds(), r.firstSeconds(),
                        r.firstRatio(), r.steadySeconds(), r.steadyRatio(), r.failed(), r.mismatched()));
            }
        }
        if (!events.isEmpty()) {
            out.append(String.format("%n| events | target /s | achieved /s | batch | p50 ms | p99 ms | max ms | never entered |%n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|%n"));
            for (Events e : events) {
                LatencyStats l = e.latency();
                out.append(String.format("| %,d | %,d | %,.0f | %d | %s | %s | %s | %d |%n", e.events(),
                        e.targetPerSecond(), e.achievedPerSecond(), e.batchSize(), l == null ? "-" : fmt(l.p50()),
                        l == null ? "-" : fmt(l.p99()), l == null ? "-" : fmt(l.max()), e.neverEntered()));
            }
        }
        if (!tokens.isEmpty()) {
            out.append(String.format("%nLLM agent tokens per request: %s%n", tokens.get(0).source()));
            out.append(String.format("| catalog fields | requests | answered | failed | calls/request | prompt p50 | prompt max "
                    + "| completion p50 | completion max | largest call prompt |%n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
            for (Tokens t : tokens) {
                out.append(String.format("| %d | %d | %d | %d | %.1f | %,d | %,d | %,d | %,d | %s |%n", t.catalogFields(),
                        t.requests(), t.answered(), t.failed(), t.callsPerRequest(), t.promptP50(), t.promptMax(),
                        t.completionP50(), t.completionMax(), t.maxCallPromptTokens() == 0 ? "-" : String.format("%,d", t.maxCallPromptTokens())));
            }
        }
        out.append(String.format("%n| definition | members | p50 ms | max ms |%n|---|---:|---:|---:|%n"));
        for (PerDefinition d : previews) {
            out.append(String.format("| %s | %,d | %.1f | %.1f |%n", d.name(), d.count(), d.p50Millis(), d.maxMillis()));
        }
        return out.toString();
    }

    private static String fmt(double value) {
        return String.format("%.0f", value);
    }

    private static void row(StringBuilder out, String label, LatencyStats s) {
        if (s == null) { // the section was switched off (0 rounds)
            return;
        }
        out.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", label, s.samples(), s.p50(), s.p90(),
                s.p99(), s.max()));
    }
}
