package dev.segmentagent.bench;

import dev.segmentagent.live.LiveSegments;
import dev.segmentagent.live.RefreshRunRecord;
import dev.segmentagent.live.SegmentService;
import dev.segmentagent.live.SegmentStore;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;
import dev.segmentagent.warehouse.WarehouseFacts;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Full refresh of n saved segments through the real live service (evaluate, diff, swap, run log), next to the
 * same predicates as hand-written DuckDB SQL in the same process. The first refresh writes every member (a new
 * deployment); later ones find the data unchanged (the steady state of a schedule). The hand-written queries and
 * the steady refresh take turns, {@value #STEADY_ROUNDS} times each, and each side's best time counts: on a
 * shared machine a single pass of either could land on someone else's busy second, and the ratio with it.
 */
@Singleton
class RefreshBench {

    static final String ACTOR = "bench";
    static final int STEADY_ROUNDS = 2;

    private final SegmentStore store;
    private final SegmentService segments;
    private final LiveSegments live;
    private final DuckDbWarehouse warehouse;
    private final WarehouseFacts facts;

    RefreshBench(SegmentStore store, SegmentService segments, LiveSegments live, DuckDbWarehouse warehouse,
                 WarehouseFacts facts) {
        this.store = store;
        this.segments = segments;
        this.live = live;
        this.warehouse = warehouse;
        this.facts = facts;
    }

    BenchReport.Refresh run(int count) {
        removeBenchSegments();
        Instant asOf = facts.asOf();
        List<RefreshWorkload.Pair> pairs = RefreshWorkload.pairs(count, asOf);
        Map<UUID, RefreshWorkload.Pair> byId = new HashMap<>();
        for (RefreshWorkload.Pair pair : pairs) {
            // through the store, not the service: the service would refresh each segment as it is saved
            UUID id = store.create(new SegmentStore.NewVersion(pair.name(), "refresh bench",
                    SegmentJson.toJson(SegmentJson.parse("{\"name\": \"" + pair.name() + "\", \"condition\": "
                            + pair.condition() + "}")), null, null, ACTOR)).segment().id();
            byId.put(id, pair);
        }
        live.definitionsChanged();
        handWritten(pairs); // warm-up: JIT, DuckDB caches
        long t0 = System.nanoTime();
        Map<String, Long> hand = handWritten(pairs);
        long handNanos = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        live.refreshAll("bench");
        long firstNanos = System.nanoTime() - t1;
        List<RefreshRunRecord> steady = List.of();
        long steadyNanos = Long.MAX_VALUE;
        for (int round = 0; round < STEADY_ROUNDS; round++) {
            if (round > 0) {
                long t = System.nanoTime();
                handWritten(pairs);
                handNanos = Math.min(handNanos, System.nanoTime() - t);
            }
            long t = System.nanoTime();
            steady = live.refreshAll("bench");
            steadyNanos = Math.min(steadyNanos, System.nanoTime() - t);
        }

        int failed = 0;
        int mismatched = 0;
        long memberships = 0;
        for (RefreshRunRecord run : steady) {
            RefreshWorkload.Pair pair = byId.get(run.segmentId());
            if (!RefreshRunRecord.SUCCEEDED.equals(run.status())) {
                failed++;
            } else if (pair != null && !hand.get(pair.name()).equals(run.members())) {
                mismatched++;
            }
            memberships += run.members() == null ? 0 : run.members();
        }
        double handSeconds = handNanos / 1e9;
        double firstSeconds = firstNanos / 1e9;
        double steadySeconds = steadyNanos / 1e9;
        return new BenchReport.Refresh(count, steady.size(), memberships, handSeconds, firstSeconds, steadySeconds,
                firstSeconds / handSeconds, steadySeconds / handSeconds, failed, mismatched);
    }

    /** Soft-deletes the segments earlier bench runs saved in this data folder (their members go too). */
    void removeBenchSegments() {
        for (SegmentStore.SavedSegment saved : store.allActive()) {
            if (ACTOR.equals(saved.segment().createdBy())) {
                segments.delete(saved.segment().id(), ACTOR);
            }
        }
    }

    /** Member counts per segment name, each predicate run as its own hand-written query, ids read back. */
    private Map<String, Long> handWritten(List<RefreshWorkload.Pair> pairs) {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
            for (RefreshWorkload.Pair pair : pairs) {
                long n = 0;
                try (ResultSet rs = statement.executeQuery(pair.handSql())) {
                    while (rs.next()) {
                        rs.getLong(1);
                        n++;
                    }
                }
                counts.put(pair.name(), n);
            }
        } catch (SQLException e) {
            throw new WarehouseException("hand-written bench SQL failed: " + e.getMessage(), e);
        }
        return counts;
    }
}
