package dev.segmentagent.live;

import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreparedDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.sqlgen.SegmentExecutor;
import dev.segmentagent.sqlgen.SqlPolicy;
import dev.segmentagent.testing.ChildJvm;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 of a child JVM ({@link CrashChild}) in the middle of live refreshes, then a restart on the same data:
 * no run is left "running" (the interrupted ones are failed, with the reason), and every segment's stored
 * members are exactly the members of one complete evaluation of one of its versions: the old state or the new,
 * never a mixture or a half-written set.
 */
class CrashRecoveryTest {

    private static final int CUSTOMERS = 4000;

    @TempDir
    Path dataDir;

    static Map<String, Object> properties(String dataDir, int customers) {
        return Map.of("segment.data.dir", dataDir, "segment.data.demo-customers", customers,
                "micronaut.server.enabled", false, "segment.security.enabled", false);
    }

    @Test
    void a_refresh_killed_mid_run_leaves_whole_memberships_and_the_run_marked_failed() throws Exception {
        int interrupted = 0;
        for (int attempt = 1; attempt <= 3 && interrupted == 0; attempt++) {
            killMidRefresh(2 + attempt);
            try (ApplicationContext restarted = ApplicationContext.builder().environments("test")
                    .properties(properties(dataDir.toString(), CUSTOMERS)).start()) {
                List<RefreshRunRecord> runs = restarted.getBean(RefreshRunRepository.class).findAll();
                assertThat(runs).as("runs left running after restart")
                        .noneMatch(r -> r.status().equals(RefreshRunRecord.RUNNING));
                interrupted = (int) runs.stream().filter(r -> r.status().equals(RefreshRunRecord.FAILED)
                        && InterruptedRunRecovery.REASON.equals(r.error())).count();
                assertWholeMemberships(restarted);
                // and the segments refresh normally again
                assertThat(restarted.getBean(LiveSegments.class).refreshAll(LiveSegments.MANUAL))
                        .allMatch(r -> r.status().equals(RefreshRunRecord.SUCCEEDED));
                assertWholeMemberships(restarted);
            }
        }
        assertThat(interrupted).as("kills that landed inside a run (3 tries)").isPositive();
    }

    /** Starts the child, waits until it is inside refresh round {@code round}, and kills it without warning. */
    private void killMidRefresh(int round) throws Exception {
        try (ChildJvm child = ChildJvm.start(CrashChild.class, "REFRESHING " + round, dataDir.toString(),
                Integer.toString(CUSTOMERS))) {
            assertThat(child.awaitLine(240)).as("child reached round %d; its last lines:\n%s", round, child.tail())
                    .isTrue();
            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 120));
        } // close(): SIGKILL, no shutdown hook or finally block runs in the child
    }

    private static void assertWholeMemberships(ApplicationContext context) throws Exception {
        DuckDbWarehouse warehouse = context.getBean(DuckDbWarehouse.class);
        SegmentStore store = context.getBean(SegmentStore.class);
        DefinitionPipeline pipeline = context.getBean(DefinitionPipeline.class);
        Map<String, Map<Integer, Set<Long>>> stored = warehouse.readOnly(c -> {
            Map<String, Map<Integer, Set<Long>>> bySegment = new TreeMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT segment_id, version, customer_id FROM segment_members")) {
                while (rs.next()) {
                    bySegment.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getInt(2), k -> new TreeSet<>()).add(rs.getLong(3));
                }
            }
            return bySegment;
        });
        assertThat(stored).isNotEmpty();
        for (Map.Entry<String, Map<Integer, Set<Long>>> segment : stored.entrySet()) {
            assertThat(segment.getValue()).as("segment %s holds members of one version", segment.getKey()).hasSize(1);
            int version = segment.getValue().keySet().iterator().next();
            UUID id = UUID.fromString(segment.getKey());
            SegmentStore.SavedSegment saved = store.version(id, version).orElseThrow(() -> new AssertionError(
                    "segment " + id + ": DuckDB holds members of version " + version + " but the metadata store knows "
                            + store.versions(id).stream().map(SegmentVersionRecord::version).toList()));
            PreparedDefinition prepared = pipeline.prepare(SegmentJson.parse(saved.version().definitionJson()), null,
                    id.toString());
            List<Long> expected = new SegmentExecutor(warehouse, SqlPolicy.forCatalog(prepared.catalog()))
                    .members(prepared.compiled());
            assertThat(segment.getValue().get(version)).as("segment %s version %d: stored = evaluated", id, version)
                    .containsExactlyElementsOf(new TreeSet<>(expected));
        }
    }
}
