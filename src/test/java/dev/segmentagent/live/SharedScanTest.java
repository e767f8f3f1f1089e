package dev.segmentagent.live;

import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreparedDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.SegmentResolver;
import dev.segmentagent.warehouse.CustomerIndexes;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One shared scan gives every segment exactly what its own compiled query gives, over all or a scope. */
@MicronautTest(startApplication = false)
class SharedScanTest {

    @Inject
    SharedScan scan;

    @Inject
    DefinitionPipeline pipeline;

    @Inject
    WarehouseFacts facts;

    @Inject
    DuckDbWarehouse warehouse;

    @Test
    void sixty_five_segments_in_one_scan_match_their_one_by_one_results_across_two_mask_columns() throws Exception {
        List<LiveSegment> segments = sixtyFiveSegments();
        Map<UUID, long[]> shared = overEveryone(segments, true);
        Map<UUID, long[]> oneByOne = overEveryone(segments, false);
        long[] scope = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584};
        // a scope too large for a literal id list is read by a semi-join instead: same members
        long[] wide = java.util.stream.LongStream.rangeClosed(1, 3L * CustomerIndexes.LIST_LIMIT).filter(c -> c % 3 != 0)
                .toArray();
        Map<UUID, long[]> scoped = overScope(segments, scope);
        Map<UUID, long[]> scopedWide = overScope(segments, wide);

        for (LiveSegment segment : segments) {
            long[] alone = oneByOne.get(segment.id());
            assertThat(shared.get(segment.id())).as(segment.name()).containsExactly(alone);
            long[] expectedScoped = Arrays.stream(alone).filter(c -> Arrays.binarySearch(scope, c) >= 0).toArray();
            assertThat(scoped.get(segment.id())).as(segment.name() + " within the scope").containsExactly(expectedScoped);
            long[] expectedWide = Arrays.stream(alone).filter(c -> Arrays.binarySearch(wide, c) >= 0).toArray();
            assertThat(scopedWide.get(segment.id())).as(segment.name() + " within the wide scope")
                    .containsExactly(expectedWide);
        }
        assertThat(shared.values()).anyMatch(members -> members.length > 0);
        assertThat(scopedWide.values()).anyMatch(members -> members.length > 0);
    }

    /**
     * Evaluated into a TEMP table (the full refresh's path), one shared scan tags every member row exactly as
     * one statement per segment does.
     */
    @Test
    void sixty_five_segments_evaluated_into_duckdb_in_one_scan_give_the_rows_of_one_statement_each() throws Exception {
        List<LiveSegment> segments = sixtyFiveSegments();
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE together (tag INTEGER, customer_id BIGINT)");
            statement.execute("CREATE TEMP TABLE alone (tag INTEGER, customer_id BIGINT)");
            scan.evaluateInto(connection, segments, 100, "together");
            for (int i = 0; i < segments.size(); i++) {
                scan.evaluateInto(connection, List.of(segments.get(i)), 100 + i, "alone");
            }
            try (ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM alone),"
                    + " (SELECT count(*) FROM (SELECT * FROM together EXCEPT ALL SELECT * FROM alone)),"
                    + " (SELECT count(*) FROM (SELECT * FROM alone EXCEPT ALL SELECT * FROM together)),"
                    + " (SELECT min(tag) FROM together)")) {
                rs.next();
                assertThat(rs.getLong(1)).as("members of all segments").isPositive();
                assertThat(rs.getLong(2)).as("rows only the shared scan gave").isZero();
                assertThat(rs.getLong(3)).as("rows only the single statements gave").isZero();
                assertThat(rs.getInt(4)).as("tags start at the first tag given").isGreaterThanOrEqualTo(100);
            }
        }
    }

    /** Each segment's members (ascending) evaluated over everyone into DuckDB, as a full refresh does. */
    private Map<UUID, long[]> overEveryone(List<LiveSegment> segments, boolean sharedScan) throws Exception {
        Map<UUID, long[]> members = new java.util.HashMap<>();
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE everyone (tag INTEGER, customer_id BIGINT)");
            if (sharedScan) {
                scan.evaluateInto(connection, segments, 0, "everyone");
            } else {
                scan.evaluateEachInto(connection, segments, 0, "everyone");
            }
            for (int i = 0; i < segments.size(); i++) {
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT customer_id FROM everyone WHERE tag = " + i
                        + " ORDER BY customer_id")) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                members.put(segments.get(i).id(), ids.stream().mapToLong(Long::longValue).toArray());
            }
        }
        return members;
    }

    /** Each segment's members among {@code scope}, as the event path evaluates them. */
    private Map<UUID, long[]> overScope(List<LiveSegment> segments, long[] scope) throws Exception {
        try (Connection connection = warehouse.connection()) {
            return scan.members(segments, scope, new ScopedCopies(connection, scope));
        }
    }

    private List<LiveSegment> sixtyFiveSegments() {
        Instant asOf = facts.asOf();
        List<LiveSegment> segments = new ArrayList<>();
        for (int k = 0; k < 65; k++) { // 65 > 62: a second mask column is needed
            String condition = switch (k % 3) {
                case 0 -> "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": " + (k % 7) + "}";
                case 1 -> "{\"type\": \"event\", \"event\": \"product_view\", \"window\": {\"lastDays\": " + (k + 1) + "}}";
                default -> "{\"type\": \"not\", \"condition\": {\"type\": \"in\", \"field\": \"country\", \"values\": [\"DE\"]}}";
            };
            PreparedDefinition prepared = pipeline.prepare(SegmentJson.parse("{\"condition\": " + condition + "}"), asOf, null);
            segments.add(new LiveSegment(UUID.randomUUID(), 1, "s" + k, prepared,
                    SegmentDependencies.of(prepared.definition(), prepared.catalog(), SegmentResolver.none())));
        }
        return segments;
    }
}
