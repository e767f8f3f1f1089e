package dev.segmentagent.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.ApplicationEventListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full refresh after the data changed under four saved segments: customers enter and leave several of them
 * at once, one keeps its size while its members change, one does not change. Every run's entered, exited and
 * size, the history rows and the published changes must equal a recomputation with hand-written SQL over the
 * data before and after. Own data folder: the test rewrites customer features.
 */
class FullRefreshDiffTest {

    private static final String ORDERS = "SELECT customer_id FROM customer_features WHERE orders_365d >= 3";
    private static final String DE_REVENUE = "SELECT customer_id FROM customer_features WHERE country = 'DE' AND revenue_365d > 100";
    private static final String NOT_DE = "SELECT customer_id FROM customer_features WHERE country IS DISTINCT FROM 'DE'";
    private static final String RECENT = "SELECT customer_id FROM customer_features WHERE days_since_last_order BETWEEN 0 AND 30";

    private static ApplicationContext context;
    private static final Map<UUID, MembershipChange> published = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        Path dataDir = Path.of("target", "full-refresh-diff", "run-" + System.nanoTime()).toAbsolutePath();
        context = ApplicationContext.builder().environments("test").properties(Map.of(
                "segment.data.dir", dataDir.toString(), "micronaut.server.enabled", false,
                // two segments per batch: the four segments span two batches
                "segment.live.refresh-batch-segments", 2)).start();
        context.registerSingleton(Recorder.class, new Recorder());
    }

    /** Keeps every published change by run. */
    static final class Recorder implements ApplicationEventListener<MembershipChange> {
        @Override
        public void onApplicationEvent(MembershipChange change) {
            published.put(change.runId(), change);
        }
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void entered_exited_and_size_of_every_segment_equal_a_recomputation_after_the_data_moved_members_both_ways()
            throws Exception {
        SegmentService service = context.getBean(SegmentService.class);
        Map<UUID, String> segments = new LinkedHashMap<>();
        segments.put(save(service, "orders", "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 3}"), ORDERS);
        segments.put(save(service, "de-revenue", "{\"type\": \"and\", \"conditions\": ["
                + "{\"type\": \"in\", \"field\": \"country\", \"values\": [\"DE\"]},"
                + "{\"type\": \"compare\", \"field\": \"revenue_365d\", \"op\": \">\", \"value\": 100}]}"), DE_REVENUE);
        segments.put(save(service, "not-de", "{\"type\": \"not\", \"condition\": "
                + "{\"type\": \"in\", \"field\": \"country\", \"values\": [\"DE\"]}}"), NOT_DE);
        segments.put(save(service, "recent", "{\"type\": \"between\", \"field\": \"days_since_last_order\", \"low\": 0, \"high\": 30}"), RECENT);
        Map<UUID, Set<Long>> before = new HashMap<>();
        for (Map.Entry<UUID, String> segment : segments.entrySet()) {
            before.put(segment.getKey(), ids(segment.getValue()));
        }

        // five members of "orders" leave and five others join (its size stays), three German big spenders move
        // to France and seven big spenders elsewhere move to Germany; nobody's last order date changes
        execute("UPDATE customer_features SET orders_365d = 0 WHERE customer_id IN (" + ORDERS + " ORDER BY 1 LIMIT 5)");
        execute("UPDATE customer_features SET orders_365d = 9 WHERE customer_id IN (SELECT customer_id FROM customer_features"
                + " WHERE orders_365d < 3 AND orders_365d <> 0 ORDER BY 1 LIMIT 5)");
        execute("UPDATE customer_features SET country = 'FR' WHERE customer_id IN (" + DE_REVENUE + " ORDER BY 1 LIMIT 3)");
        execute("UPDATE customer_features SET country = 'DE' WHERE customer_id IN (SELECT customer_id FROM customer_features"
                + " WHERE country <> 'DE' AND revenue_365d > 100 ORDER BY 1 DESC LIMIT 7)");

        List<RefreshRunRecord> runs = context.getBean(LiveSegments.class).refreshAll(LiveSegments.MANUAL);

        for (Map.Entry<UUID, String> segment : segments.entrySet()) {
            UUID id = segment.getKey();
            Set<Long> after = ids(segment.getValue());
            Set<Long> entered = minus(after, before.get(id));
            Set<Long> exited = minus(before.get(id), after);
            RefreshRunRecord run = runs.stream().filter(r -> r.segmentId().equals(id)).findFirst().orElseThrow();
            String name = segment.getValue();
            assertThat(run.status()).as(name).isEqualTo(RefreshRunRecord.SUCCEEDED);
            assertThat(run.members()).as(name).isEqualTo(after.size());
            assertThat(run.entered()).as(name).isEqualTo(entered.size());
            assertThat(run.exited()).as(name).isEqualTo(exited.size());
            assertThat(members(id)).as(name).isEqualTo(after);
            assertThat(history(run.id(), "entered")).as(name).isEqualTo(entered);
            assertThat(history(run.id(), "exited")).as(name).isEqualTo(exited);
            if (entered.isEmpty() && exited.isEmpty()) {
                assertThat(published).as(name).doesNotContainKey(run.id());
            } else {
                MembershipChange change = published.get(run.id());
                assertThat(change.entered()).as(name).containsExactly(entered.stream().mapToLong(Long::longValue).toArray());
                assertThat(change.exited()).as(name).containsExactly(exited.stream().mapToLong(Long::longValue).toArray());
                assertThat(change.size()).as(name).isEqualTo(after.size());
            }
        }
        List<UUID> ids = List.copyOf(segments.keySet());
        assertThat(runs.stream().filter(r -> r.segmentId().equals(ids.get(0))).findFirst().orElseThrow())
                .as("same size, other members").satisfies(r -> {
                    assertThat(r.entered()).isEqualTo(5);
                    assertThat(r.exited()).isEqualTo(5);
                });
        for (UUID moved : ids.subList(1, 3)) {
            RefreshRunRecord run = runs.stream().filter(r -> r.segmentId().equals(moved)).findFirst().orElseThrow();
            assertThat(run.entered()).as(segments.get(moved)).isPositive();
            assertThat(run.exited()).as(segments.get(moved)).isPositive();
        }

        // nothing changed since: the next refresh finds no movement and keeps the sizes
        List<RefreshRunRecord> again = context.getBean(LiveSegments.class).refreshAll(LiveSegments.MANUAL);
        for (UUID id : ids) {
            RefreshRunRecord run = again.stream().filter(r -> r.segmentId().equals(id)).findFirst().orElseThrow();
            assertThat(run.entered()).isZero();
            assertThat(run.exited()).isZero();
            assertThat(run.members()).isEqualTo(ids(segments.get(id)).size());
        }
    }

    private static UUID save(SegmentService service, String name, String condition) throws Exception {
        return service.create(new SegmentService.SaveCommand(name, null,
                new ObjectMapper().readTree("{\"condition\": " + condition + "}"), null), "test").id();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = context.getBean(DuckDbWarehouse.class).connection();
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(sql)).as(sql).isPositive();
        }
    }

    private static Set<Long> ids(String sql) throws SQLException {
        try (Connection connection = context.getBean(DuckDbWarehouse.class).connection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            Set<Long> ids = new TreeSet<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    private static Set<Long> members(UUID segment) throws SQLException {
        return rows("SELECT customer_id FROM segment_members WHERE segment_id = ?", segment.toString());
    }

    private static Set<Long> history(UUID run, String change) throws SQLException {
        return rows("SELECT customer_id FROM segment_membership_history WHERE run_id = ? AND change = '" + change + "'",
                run.toString());
    }

    private static Set<Long> rows(String sql, String param) throws SQLException {
        try (Connection connection = context.getBean(DuckDbWarehouse.class).connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, param);
            Set<Long> ids = new TreeSet<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static Set<Long> minus(Set<Long> a, Set<Long> b) {
        Set<Long> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
