package dev.segmentagent.load;

import java.util.List;
import java.util.Map;

/**
 * What a load run measured: per request kind, throughput, latency percentiles (ms) and errors by status and
 * problem code; for event ingestion, what was acknowledged and whether every acknowledged event is stored.
 */
public record LoadReport(String machine, long customers, int users, String mix, double seconds, boolean security,
                         List<KindFigures> requests, Events events) {

    public record KindFigures(String kind, long count, long ok, double perSecond, double p50Ms, double p95Ms,
                              double p99Ms, double maxMs, Map<String, Long> errors) {}

    /**
     * @param targetPerSecond the rate the feeder aimed at
     * @param acknowledged    events in batches the service answered 202 for
     * @param stored          of those, how many the warehouse holds by event id after the service was shut down
     * @param missing         acknowledged ids not found (at most the first 20)
     */
    public record Events(int targetPerSecond, long sent, long acknowledged, double acknowledgedPerSecond, long stored,
                         long missingCount, List<String> missing) {
        public boolean zeroLoss() {
            return missingCount == 0 && stored == acknowledged;
        }
    }

    /** Any answer of 500 or above, or a transport failure: what a load test must never see. */
    public long serverErrors() {
        return requests.stream().flatMap(k -> k.errors().entrySet().stream())
                .filter(e -> e.getKey().startsWith("5") || e.getKey().startsWith("io"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("load: %,d customers, %d users (%s), %.1f s, security %s%n", customers, users, mix,
                seconds, security ? "on" : "off"));
        out.append(String.format("machine: %s%n%n", machine));
        out.append(String.format("%-9s %9s %9s %9s %9s %9s %9s %9s  %s%n", "kind", "count", "ok", "req/s",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"));
        for (KindFigures k : requests) {
            out.append(String.format("%-9s %9d %9d %9.1f %9.1f %9.1f %9.1f %9.1f  %s%n", k.kind(), k.count(), k.ok(),
                    k.perSecond(), k.p50Ms(), k.p95Ms(), k.p99Ms(), k.maxMs(), k.errors().isEmpty() ? "-" : k.errors()));
        }
        out.append(String.format("%nevents: target %,d/s, sent %,d, acknowledged %,d (%.1f/s), stored %,d, missing %,d -> %s%n",
                events.targetPerSecond(), events.sent(), events.acknowledged(), events.acknowledgedPerSecond(),
                events.stored(), events.missingCount(), events.zeroLoss() ? "ZERO LOSS" : "LOST " + events.missing()));
        return out.toString();
    }
}
