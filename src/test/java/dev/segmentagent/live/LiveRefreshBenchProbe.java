package dev.segmentagent.live;

import dev.segmentagent.bench.RefreshWorkload;

import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreparedDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A printout, not a test: a full evaluation of 100 segments in one shared scan against the same predicates
 * as 100 hand-written queries, in the same process on the same data. Run by hand, e.g.
 * {@code mvn -o test -Dtest=LiveRefreshBenchProbe -Dbench.customers=50000}; data goes to
 * /tmp/segment-live-bench-N (kept, so a second run skips generation).
 */
class LiveRefreshBenchProbe {


    @Test
    @EnabledIfSystemProperty(named = "bench.customers", matches = "\\d+")
    void shared_scan_of_100_segments_versus_hand_written_sql() throws Exception {
        int customers = Integer.getInteger("bench.customers");
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "segment.data.dir", "/tmp/segment-live-bench-" + customers,
                "segment.data.demo-customers", customers,
                "segment.live.schedule-enabled", false,
                "micronaut.server.port", -1))) {
            DuckDbWarehouse warehouse = context.getBean(DuckDbWarehouse.class);
            Instant asOf = context.getBean(WarehouseFacts.class).asOf();
            DefinitionPipeline pipeline = context.getBean(DefinitionPipeline.class);
            SharedScan scan = context.getBean(SharedScan.class);
            MembershipTable memberships = context.getBean(MembershipTable.class);
            MemberSwap swap = context.getBean(MemberSwap.class);

            List<RefreshWorkload.Pair> pairs = RefreshWorkload.pairs(100, asOf);
            List<LiveSegment> segments = new ArrayList<>();
            for (RefreshWorkload.Pair pair : pairs) {
                PreparedDefinition prepared = pipeline.prepare(SegmentJson.parse("{\"condition\": " + pair.condition() + "}"), asOf, null);
                segments.add(new LiveSegment(UUID.randomUUID(), 1, "bench", prepared,
                        SegmentDependencies.of(prepared.definition(), prepared.catalog(), id -> java.util.Optional.empty())));
            }
            for (int round = 0; round < 2; round++) { // the first round warms caches and the JIT
                long t0 = System.nanoTime();
                Map<UUID, long[]> shared = scan.members(segments, null);
                long t1 = System.nanoTime();
                long[] handSizes = new long[pairs.size()];
                try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
                    for (int i = 0; i < pairs.size(); i++) {
                        LongList ids = new LongList();
                        try (ResultSet rs = statement.executeQuery(pairs.get(i).handSql())) {
                            while (rs.next()) {
                                ids.add(rs.getLong(1));
                            }
                        }
                        handSizes[i] = ids.size();
                    }
                }
                long t2 = System.nanoTime();
                long compiledOneByOne = 0;
                for (LiveSegment segment : segments) {
                    compiledOneByOne += scan.members(List.of(segment), null).values().iterator().next().length;
                }
                long t3 = System.nanoTime();
                for (int i = 0; i < pairs.size(); i++) {
                    assertThat(shared.get(segments.get(i).id()).length).as(pairs.get(i).condition()).isEqualTo(handSizes[i]);
                }
                long t4 = System.nanoTime();
                long written;
                try (MemberSwap.Batch batch = swap.open()) {
                    batch.evaluate(segments, 0);
                    List<MemberSwap.Target> targets = new ArrayList<>();
                    for (int i = 0; i < segments.size(); i++) {
                        targets.add(new MemberSwap.Target(i, segments.get(i).id(), 1, UUID.randomUUID()));
                    }
                    written = batch.swap(targets, Instant.now()).values().stream().mapToLong(MembershipTable.Diff::size).sum();
                }
                long t5 = System.nanoTime();
                for (LiveSegment segment : segments) {
                    memberships.drop(segment.id());
                }
                long members = shared.values().stream().mapToLong(a -> a.length).sum();
                System.out.printf("round %d: %d customers, %d segments, %d memberships%n"
                                + "  shared scan (compiled, 1 query)      %6d ms%n"
                                + "  hand-written SQL (100 queries)       %6d ms   ratio shared/hand %.2f%n"
                                + "  compiled SQL one segment at a time   %6d ms (%d members)%n"
                                + "  shared scan into DuckDB, diff, swap  %6d ms (%d rows)%n",
                        round, customers, segments.size(), members, ms(t1 - t0), ms(t2 - t1),
                        (double) (t1 - t0) / (t2 - t1), ms(t3 - t2), compiledOneByOne, ms(t5 - t4), written);
            }
        }
    }

    private static long ms(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
