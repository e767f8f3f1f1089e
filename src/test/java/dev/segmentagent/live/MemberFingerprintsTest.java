package dev.segmentagent.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored fingerprint of a segment's members (size and two XORed id hashes) must equal a recomputation from
 * segment_members after every kind of write: the refresh after a save, a full refresh after the data moved, an
 * event update, an edit; a deleted segment's goes with its members. A full refresh compares new sets with the
 * stored numbers, so a missing row must fall back to a scan and a wrong one must make the refresh diff (and
 * repair it) rather than trust it. Own data folder: the test rewrites customer features.
 */
class MemberFingerprintsTest {

    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        Path dataDir = Path.of("target", "member-fingerprints", "run-" + System.nanoTime()).toAbsolutePath();
        context = ApplicationContext.builder().environments("test").properties(Map.of(
                "segment.data.dir", dataDir.toString(), "micronaut.server.enabled", false)).start();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void the_stored_fingerprint_equals_a_recomputation_after_a_save_a_refresh_an_event_update_and_an_edit()
            throws Exception {
        SegmentService service = context.getBean(SegmentService.class);
        UUID orders = save(service, "fp-orders", "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 3}");
        UUID empty = save(service, "fp-nobody", "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \"<\", \"value\": 0}");
        assertThat(stored(orders)).as("after the save").isEqualTo(Optional.of(recomputed(orders)));
        assertThat(stored(empty)).as("an empty set").isEqualTo(Optional.of(recomputed(empty)));
        assertThat(recomputed(empty).size()).isZero();

        execute("UPDATE customer_features SET orders_365d = 0 WHERE customer_id IN (SELECT customer_id FROM customer_features"
                + " WHERE orders_365d >= 3 ORDER BY 1 LIMIT 4)");
        execute("UPDATE customer_features SET orders_365d = 7 WHERE customer_id IN (SELECT customer_id FROM customer_features"
                + " WHERE orders_365d < 3 AND orders_365d <> 0 ORDER BY 1 LIMIT 6)");
        Fingerprint beforeRefresh = recomputed(orders);
        RefreshRunRecord run = refreshAll(orders);
        assertThat(run.entered()).isEqualTo(6);
        assertThat(run.exited()).isEqualTo(4);
        assertThat(stored(orders)).as("after a full refresh").isEqualTo(Optional.of(recomputed(orders)));
        assertThat(recomputed(orders)).isNotEqualTo(beforeRefresh);

        // an event update: two members leave, one customer enters, among a scope of four
        long[] members = members(orders);
        long outsider = outsider(members);
        long[] scope = sorted(members[0], members[1], members[2], outsider);
        long[] now = sorted(members[2], outsider);
        Map<UUID, MembershipTable.Diff> diffs = context.getBean(MembershipTable.class).replaceAll(
                List.of(new MembershipTable.Replacement(orders, 1, now, UUID.randomUUID())), scope, Instant.now());
        assertThat(diffs.get(orders).entered()).containsExactly(outsider);
        assertThat(diffs.get(orders).exited()).containsExactly(members[0], members[1]);
        assertThat(stored(orders)).as("after an event update").isEqualTo(Optional.of(recomputed(orders)));

        service.update(orders, command("fp-orders", "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 5}"), "test");
        assertThat(stored(orders)).as("after an edit").isEqualTo(Optional.of(recomputed(orders)));
        assertThat(storedVersion(orders)).isEqualTo(2);
        assertThat(versions(orders)).containsExactly(2L);
        // an event update of the new version keeps the numbers right and the version
        long[] edited = members(orders);
        long[] fewer = Arrays.copyOfRange(edited, 1, 2);
        context.getBean(MembershipTable.class).replaceAll(List.of(new MembershipTable.Replacement(orders, 2, fewer,
                UUID.randomUUID())), sorted(edited[0], edited[1]), Instant.now());
        assertThat(stored(orders)).as("after an event update of the new version").isEqualTo(Optional.of(recomputed(orders)));
        assertThat(storedVersion(orders)).isEqualTo(2);

        service.delete(orders, "test");
        assertThat(stored(orders)).as("after a delete").isEmpty();
        assertThat(recomputed(orders).size()).isZero();
    }

    @Test
    void an_edit_that_keeps_the_members_moves_them_and_their_fingerprint_to_the_new_version() throws Exception {
        SegmentService service = context.getBean(SegmentService.class);
        UUID spenders = save(service, "fp-spenders", "{\"type\": \"compare\", \"field\": \"revenue_365d\", \"op\": \">\", \"value\": 100}");
        Fingerprint before = recomputed(spenders);

        // a new version with the same members: revenue above 100 is above 0 too
        service.update(spenders, command("fp-spenders", "{\"type\": \"and\", \"conditions\": [{\"type\": \"compare\","
                + " \"field\": \"revenue_365d\", \"op\": \">\", \"value\": 100}, {\"type\": \"compare\","
                + " \"field\": \"revenue_365d\", \"op\": \">\", \"value\": 0}]}"), "test");

        assertThat(recomputed(spenders)).isEqualTo(before);
        assertThat(versions(spenders)).containsExactly(2L);
        assertThat(storedVersion(spenders)).isEqualTo(2);
        assertThat(refreshAll(spenders).members()).isEqualTo(before.size());
        assertThat(versions(spenders)).containsExactly(2L);
    }

    @Test
    void a_segment_without_a_stored_fingerprint_is_compared_by_a_scan_and_gets_one() throws Exception {
        SegmentService service = context.getBean(SegmentService.class);
        UUID recent = save(service, "fp-recent", "{\"type\": \"between\", \"field\": \"days_since_last_order\", \"low\": 0, \"high\": 30}");
        execute("DELETE FROM segment_fingerprints WHERE segment_id = '" + recent + "'");
        execute("UPDATE customer_features SET days_since_last_order = 400 WHERE customer_id IN (SELECT customer_id"
                + " FROM customer_features WHERE days_since_last_order BETWEEN 0 AND 30 ORDER BY 1 LIMIT 3)");

        RefreshRunRecord run = refreshAll(recent);

        assertThat(run.exited()).isEqualTo(3);
        assertThat(run.entered()).isZero();
        assertThat(stored(recent)).isEqualTo(Optional.of(recomputed(recent)));
        assertThat(refreshAll(recent).exited()).as("unchanged since").isZero();
    }

    @Test
    void a_stored_fingerprint_that_disagrees_with_the_members_makes_the_refresh_diff_and_repairs_it() throws Exception {
        SegmentService service = context.getBean(SegmentService.class);
        UUID germans = save(service, "fp-de", "{\"type\": \"in\", \"field\": \"country\", \"values\": [\"DE\"]}");
        Fingerprint right = recomputed(germans);
        // the refresh trusts the stored numbers: a wrong size must be seen as a change, and the join finds none
        execute("UPDATE segment_fingerprints SET size = size + 1 WHERE segment_id = '" + germans + "'");

        RefreshRunRecord run = refreshAll(germans);

        assertThat(run.entered()).isZero();
        assertThat(run.exited()).isZero();
        assertThat(run.members()).isEqualTo(right.size());
        assertThat(stored(germans)).isEqualTo(Optional.of(right));
    }

    @Test
    void a_set_found_changed_is_evaluated_straight_away_next_time_and_compared_again_once_it_holds_still()
            throws Exception {
        SegmentService service = context.getBean(SegmentService.class);
        UUID loyal = save(service, "fp-loyal", "{\"type\": \"compare\", \"field\": \"orders_count\", \"op\": \">=\", \"value\": 4}");
        assertThat(changedLastRefresh(loyal)).as("a set written for the first time").isFalse();

        demote(loyal, 3);
        assertThat(refreshAll(loyal).exited()).isEqualTo(3);
        assertThat(changedLastRefresh(loyal)).isTrue();

        // evaluated straight away (no aggregate first): the same data gives no change, and the flag clears
        RefreshRunRecord still = refreshAll(loyal);
        assertThat(still.exited()).isZero();
        assertThat(still.entered()).isZero();
        assertThat(changedLastRefresh(loyal)).isFalse();
        assertThat(stored(loyal)).isEqualTo(Optional.of(recomputed(loyal)));

        // both ways find a change: through the aggregate (flag clear), then straight away (flag set)
        demote(loyal, 2);
        assertThat(refreshAll(loyal).exited()).isEqualTo(2);
        demote(loyal, 1);
        assertThat(refreshAll(loyal).exited()).isEqualTo(1);
        assertThat(changedLastRefresh(loyal)).isTrue();
        assertThat(stored(loyal)).isEqualTo(Optional.of(recomputed(loyal)));
    }

    @Test
    void an_event_update_reports_the_new_size_from_the_stored_fingerprint_or_else_by_counting() throws Exception {
        SegmentService service = context.getBean(SegmentService.class);
        UUID big = save(service, "fp-big", "{\"type\": \"compare\", \"field\": \"orders_count\", \"op\": \">=\", \"value\": 1}");
        MembershipTable table = context.getBean(MembershipTable.class);
        long[] members = members(big);
        long outsider = outsider(members);

        // with the fingerprint: one member leaves, one customer enters
        MembershipTable.Diff kept = table.replaceAll(List.of(new MembershipTable.Replacement(big, 1,
                new long[] {outsider}, UUID.randomUUID())), sorted(members[0], outsider), Instant.now()).get(big);
        assertThat(kept.exited()).containsExactly(members[0]);
        assertThat(kept.entered()).containsExactly(outsider);
        assertThat(kept.size()).isEqualTo(recomputed(big).size()).isEqualTo(members.length);

        // without it (members written before fingerprints were stored): counted by a scan, and none is made up
        execute("DELETE FROM segment_fingerprints WHERE segment_id = '" + big + "'");
        MembershipTable.Diff counted = table.replaceAll(List.of(new MembershipTable.Replacement(big, 1,
                new long[0], UUID.randomUUID())), sorted(members[1], members[2]), Instant.now()).get(big);
        assertThat(counted.exited()).containsExactly(members[1], members[2]);
        assertThat(counted.size()).isEqualTo(recomputed(big).size()).isEqualTo(members.length - 2);
        assertThat(stored(big)).isEmpty();
    }

    /** Takes {@code count} members of the segment below its 4-order threshold. */
    private static void demote(UUID segment, int count) throws SQLException {
        long[] members = members(segment);
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ids.append(i == 0 ? "" : ", ").append(members[i]);
        }
        execute("UPDATE customer_features SET orders_count = 1 WHERE customer_id IN (" + ids + ")");
    }

    private static boolean changedLastRefresh(UUID segment) throws SQLException {
        return longs("SELECT changed::INTEGER FROM segment_fingerprints WHERE segment_id = ?", segment).get(0) == 1;
    }

    /** A segment's member count and hashes, the hashes as text (they are unsigned 64-bit). */
    record Fingerprint(long size, String h1, String h2) {}

    private static Optional<Fingerprint> stored(UUID segment) throws SQLException {
        List<Fingerprint> rows = prints("SELECT size, h1::VARCHAR, h2::VARCHAR FROM segment_fingerprints WHERE segment_id = ?", segment);
        assertThat(rows.size()).as("one row per segment at most").isLessThanOrEqualTo(1);
        return rows.stream().findFirst();
    }

    private static int storedVersion(UUID segment) throws SQLException {
        List<Long> rows = longs("SELECT version FROM segment_fingerprints WHERE segment_id = ?", segment);
        assertThat(rows).hasSize(1);
        return rows.get(0).intValue();
    }

    private static List<Long> versions(UUID segment) throws SQLException {
        return longs("SELECT DISTINCT version FROM segment_members WHERE segment_id = ?", segment);
    }

    private static List<Long> longs(String sql, UUID segment) throws SQLException {
        return rows(sql, segment, rs -> rs.getLong(1));
    }

    /** Reads one value per row; the row reader may throw as JDBC does. */
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> rows(String sql, UUID segment, RowReader<T> reader) throws SQLException {
        try (Connection connection = context.getBean(DuckDbWarehouse.class).connection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, segment.toString());
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }

    private static Fingerprint recomputed(UUID segment) throws SQLException {
        return prints("SELECT size, coalesce(h1, 0::UBIGINT)::VARCHAR, coalesce(h2, 0::UBIGINT)::VARCHAR FROM (SELECT "
                + MemberFingerprints.sums("customer_id") + " FROM segment_members WHERE segment_id = ?)", segment).get(0);
    }

    private static List<Fingerprint> prints(String sql, UUID segment) throws SQLException {
        return rows(sql, segment, rs -> new Fingerprint(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    private static RefreshRunRecord refreshAll(UUID segment) {
        RefreshRunRecord run = context.getBean(LiveSegments.class).refreshAll(LiveSegments.MANUAL).stream()
                .filter(r -> r.segmentId().equals(segment)).findFirst().orElseThrow();
        assertThat(run.status()).isEqualTo(RefreshRunRecord.SUCCEEDED);
        return run;
    }

    private static long[] members(UUID segment) {
        return context.getBean(MembershipTable.class).members(segment);
    }

    /** The lowest customer id that is not a member. */
    private static long outsider(long[] members) throws SQLException {
        try (Connection connection = context.getBean(DuckDbWarehouse.class).connection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT customer_id FROM customer_features ORDER BY 1")) {
            while (rs.next()) {
                if (Arrays.binarySearch(members, rs.getLong(1)) < 0) {
                    return rs.getLong(1);
                }
            }
        }
        throw new AssertionError("everyone is a member");
    }

    private static long[] sorted(long... ids) {
        long[] copy = ids.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static UUID save(SegmentService service, String name, String condition) throws Exception {
        return service.create(command(name, condition), "test").id();
    }

    private static SegmentService.SaveCommand command(String name, String condition) throws Exception {
        return new SegmentService.SaveCommand(name, null, new ObjectMapper().readTree("{\"condition\": " + condition + "}"), null);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = context.getBean(DuckDbWarehouse.class).connection();
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(sql)).as(sql).isPositive();
        }
    }
}
