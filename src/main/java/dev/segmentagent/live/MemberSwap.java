package dev.segmentagent.live;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.Rollback;
import dev.segmentagent.warehouse.WarehouseException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The write path of a full refresh. A batch's new member sets are evaluated into a TEMP table of one writing
 * connection ({@link SharedScan#evaluateInto}), diffed against {@code segment_members} inside DuckDB (one
 * full outer join), and swapped in with set-based statements in ONE transaction: a reader sees every set of
 * the batch old or every set new, and a failure leaves the old members. Only the changes come back to Java,
 * for the run log and the change listeners (webhooks, SSE). Reading every new and every stored member into
 * Java to diff them there cost more than evaluating the segments; in the steady state the changes are few.
 * A set is compared with the stored one by their fingerprints first ({@link MemberFingerprints}), and the batch
 * stores the new sets' fingerprints in the same transaction; {@link Batch#unchanged} finds the sets that need no
 * evaluation into the TEMP table at all.
 */
@Singleton
class MemberSwap {

    static final String NEW = "refresh_new";
    private static final String SEGMENTS = "refresh_segments";
    private static final String CHANGES = "refresh_changes";
    private static final String PRINTS = "refresh_prints";
    private static final String COUNTED = "refresh_counted";
    private static final Logger LOG = LoggerFactory.getLogger(MemberSwap.class);

    private final DuckDbWarehouse warehouse;
    private final SharedScan scan;

    /** {@code tables} only for its constructor, which creates the member and history tables this writes. */
    MemberSwap(DuckDbWarehouse warehouse, SharedScan scan, MembershipTable tables) {
        this.warehouse = warehouse;
        this.scan = scan;
    }

    /** One segment of a batch: its tag (a small number naming it in the TEMP tables) and what its run writes. */
    record Target(int tag, UUID segmentId, int version, UUID runId) {}

    /** Opens a batch on its own connection; its TEMP tables go when it is closed. */
    Batch open() {
        Connection connection = warehouse.connection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE " + NEW + " (tag INTEGER NOT NULL, customer_id BIGINT NOT NULL)");
            return new Batch(connection);
        } catch (SQLException e) {
            close(connection);
            throw new WarehouseException("cannot prepare a refresh batch: " + e.getMessage(), e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a refresh batch's connection failed: {}", e.getMessage());
        }
    }

    /** A batch's evaluated member sets, held by DuckDB on the batch's connection. */
    final class Batch implements AutoCloseable {

        private final Connection connection;

        private Batch(Connection connection) {
            this.connection = connection;
        }

        /**
         * Evaluates {@code segments} (tags {@code firstTag} onwards) into the batch. If it fails, whatever part of
         * it was stored is removed, so that the same segments can be evaluated again one by one.
         */
        void evaluate(List<LiveSegment> segments, int firstTag) {
            evaluate(segments, firstTag, true);
        }

        /** {@link #evaluate} with one statement per segment, all in one transaction (see SharedScan#evaluateEachInto). */
        void evaluateEach(List<LiveSegment> segments, int firstTag) {
            evaluate(segments, firstTag, false);
        }

        private void evaluate(List<LiveSegment> segments, int firstTag, boolean sharedScan) {
            try {
                if (sharedScan) {
                    scan.evaluateInto(connection, segments, firstTag, NEW);
                } else {
                    scan.evaluateEachInto(connection, segments, firstTag, NEW);
                }
            } catch (SQLException | RuntimeException e) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + NEW + " WHERE tag BETWEEN ? AND ?")) {
                    delete.setInt(1, firstTag);
                    delete.setInt(2, firstTag + segments.size() - 1);
                    delete.executeUpdate();
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e instanceof RuntimeException r ? r : new WarehouseException("evaluating " + segments.size()
                        + " segments failed: " + e.getMessage(), e);
            }
        }

        /**
         * The segments whose member set now is the stored one, found without storing the new sets: for each segment
         * whose stored numbers ({@link MemberFingerprints}) are of its current version, the new set is counted and
         * hashed by one aggregate over the data, and compared with them. Their sizes by segment id; these need no
         * write at all. Every other segment must be evaluated, and one found changed here is evaluated a second
         * time: in the steady state of a schedule most sets have not changed, and the aggregates cost much less
         * than storing every member of every segment in a TEMP table to compare them there. A segment whose last
         * full refresh found it changed (a window sliding over time moves members daily) skips the aggregate and
         * is evaluated straight away, so a set that keeps changing is evaluated once per refresh, not twice.
         */
        Map<UUID, Long> unchanged(List<LiveSegment> segments) {
            Map<UUID, Long> same = new HashMap<>();
            try {
                Map<String, MemberFingerprints.Stored> stored = MemberFingerprints.stored(connection,
                        segments.stream().map(s -> s.id().toString()).toList());
                List<LiveSegment> known = segments.stream().filter(s -> {
                    MemberFingerprints.Stored print = stored.get(s.id().toString());
                    return print != null && print.version() == s.version() && !print.changedLastRefresh();
                }).toList();
                if (known.isEmpty()) {
                    return same;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE OR REPLACE TEMP TABLE " + COUNTED
                            + " (tag INTEGER NOT NULL, size BIGINT NOT NULL, h1 UBIGINT, h2 UBIGINT)");
                    scan.fingerprintEachInto(connection, known, 0, COUNTED);
                    try (ResultSet rs = statement.executeQuery("SELECT tag, size, coalesce(h1, 0::UBIGINT)::VARCHAR,"
                            + " coalesce(h2, 0::UBIGINT)::VARCHAR FROM " + COUNTED)) {
                        while (rs.next()) {
                            LiveSegment segment = known.get(rs.getInt(1));
                            MemberFingerprints.Numbers now = new MemberFingerprints.Numbers(rs.getLong(2), rs.getString(3), rs.getString(4));
                            if (now.equals(stored.get(segment.id().toString()).numbers())) {
                                same.put(segment.id(), now.size());
                            }
                        }
                    }
                    statement.execute("DROP TABLE " + COUNTED);
                }
                return same;
            } catch (SQLException e) {
                throw new WarehouseException("fingerprinting " + segments.size() + " segments failed: " + e.getMessage(), e);
            }
        }

        /**
         * Swaps in the evaluated sets of {@code targets} in ONE transaction and returns each one's difference
         * (by segment id): who entered, who exited (both ascending) and the new size.
         */
        Map<UUID, MembershipTable.Diff> swap(List<Target> targets, Instant at) {
            Map<UUID, MembershipTable.Diff> diffs = new LinkedHashMap<>();
            if (targets.isEmpty()) {
                return diffs;
            }
            String literals = MembershipTable.literals(targets.stream().map(t -> t.segmentId().toString()).toArray(String[]::new));
            LocalDateTime time = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
            try {
                long started = System.nanoTime();
                describe(targets);
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    Map<Integer, Fingerprint> prints = fingerprints(statement);
                    List<Target> changed = new ArrayList<>();
                    List<Target> fresh = new ArrayList<>();
                    for (Target target : targets) {
                        Fingerprint print = prints.get(target.tag());
                        if (!print.same()) {
                            // a segment with no stored members: everyone it has now entered, no join needed
                            (print.storedSize() == 0 ? fresh : changed).add(target);
                        }
                    }
                    long printed = System.nanoTime();
                    diff(statement, changed);
                    long diffed = System.nanoTime();
                    long[] counts = counts(statement);
                    String freshTags = tags(fresh);
                    if (counts[1] > 0) {
                        statement.executeUpdate("DELETE FROM " + MembershipTable.MEMBERS + " AS m USING " + CHANGES + " AS x, "
                                + SEGMENTS + " AS s WHERE x.tag = s.tag AND NOT x.entered AND m.segment_id = s.segment_id"
                                + " AND m.customer_id = x.customer_id AND m.segment_id IN (" + literals + ")");
                    }
                    // members kept from an earlier version now belong to this one
                    statement.executeUpdate("UPDATE " + MembershipTable.MEMBERS + " AS m SET version = s.version FROM "
                            + SEGMENTS + " AS s WHERE m.segment_id = s.segment_id AND m.version <> s.version"
                            + " AND m.segment_id IN (" + literals + ")");
                    // in segment order: a segment's members stay together, so scans by segment skip row groups (the
                    // new sets were evaluated one segment after the other, and DuckDB keeps insertion order)
                    if (counts[0] > 0) {
                        insert(time, "INSERT INTO " + MembershipTable.MEMBERS + " SELECT s.segment_id, s.version, x.customer_id, ? FROM "
                                + CHANGES + " x JOIN " + SEGMENTS + " s ON x.tag = s.tag WHERE x.entered ORDER BY x.tag, x.customer_id");
                    }
                    if (!fresh.isEmpty()) {
                        insert(time, "INSERT INTO " + MembershipTable.MEMBERS + " SELECT s.segment_id, s.version, n.customer_id, ? FROM "
                                + NEW + " n JOIN " + SEGMENTS + " s ON n.tag = s.tag WHERE n.tag IN (" + freshTags + ")");
                    }
                    if (counts[0] + counts[1] > 0) {
                        insert(time, "INSERT INTO " + MembershipTable.HISTORY + " SELECT s.segment_id, x.customer_id,"
                                + " CASE WHEN x.entered THEN 'entered' ELSE 'exited' END, s.run_id, s.version, ? FROM "
                                + CHANGES + " x JOIN " + SEGMENTS + " s ON x.tag = s.tag");
                    }
                    if (!fresh.isEmpty()) {
                        insert(time, "INSERT INTO " + MembershipTable.HISTORY + " SELECT s.segment_id, n.customer_id, 'entered',"
                                + " s.run_id, s.version, ? FROM " + NEW + " n JOIN " + SEGMENTS + " s ON n.tag = s.tag"
                                + " WHERE n.tag IN (" + freshTags + ")");
                    }
                    storePrints(statement, targets, changed);
                    long written = System.nanoTime();
                    Map<Integer, long[][]> changes = changes(statement, counts[0] + counts[1]);
                    entries(statement, freshTags, changes);
                    connection.commit();
                    for (Target target : targets) {
                        long[][] change = changes.getOrDefault(target.tag(), new long[][] {new long[0], new long[0]});
                        diffs.put(target.segmentId(), new MembershipTable.Diff(change[0], change[1], prints.get(target.tag()).size()));
                    }
                    LOG.debug("swapped {} segments ({} changed, {} new, {} fingerprinted by a scan): {} entered, {} exited;"
                                    + " fingerprints {} ms, diff {} ms, write {} ms, read back {} ms", targets.size(),
                            changed.size(), fresh.size(), prints.values().stream().filter(p -> !p.kept()).count(),
                            counts[0], counts[1], (printed - started) / 1_000_000, (diffed - printed) / 1_000_000,
                            (written - diffed) / 1_000_000,
                            (System.nanoTime() - written) / 1_000_000);
                    return diffs;
                } catch (SQLException | RuntimeException e) {
                    Rollback.keepingCause(connection, e);
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new WarehouseException("cannot write members of " + targets.size() + " segments: " + e.getMessage(), e);
            }
        }

        /**
         * A set's size now, its stored size, whether the two sets are taken as equal, and whether the stored side's
         * numbers came from {@link MemberFingerprints#TABLE} (else from a scan of its members).
         */
        private record Fingerprint(long size, long storedSize, boolean same, boolean kept) {}

        /**
         * Per tag: the new set's numbers (into the TEMP prints table) compared with the stored set's, which come from
         * {@link MemberFingerprints#TABLE}, or for a segment without a row there from a scan of its members. A set
         * is taken as unchanged when all three agree (see {@link MemberFingerprints}): in the steady state of a
         * schedule most sets have not changed, and joining every new member with every stored one to prove it cost
         * more than evaluating the segments.
         */
        private Map<Integer, Fingerprint> fingerprints(Statement statement) throws SQLException {
            statement.execute("CREATE OR REPLACE TEMP TABLE " + PRINTS + " AS SELECT s.tag, s.segment_id, "
                    + MemberFingerprints.orEmpty("n") + " FROM " + SEGMENTS + " s LEFT JOIN (SELECT tag, "
                    + MemberFingerprints.sums("customer_id") + " FROM " + NEW + " WHERE tag IN (SELECT tag FROM " + SEGMENTS
                    + ") GROUP BY tag) AS n ON n.tag = s.tag");
            Map<Integer, Fingerprint> prints = new HashMap<>();
            List<String> unprinted = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT p.tag, p.size, f.size, p.size = f.size AND p.h1 = f.h1"
                    + " AND p.h2 = f.h2, p.segment_id FROM " + PRINTS + " p LEFT JOIN " + MemberFingerprints.TABLE
                    + " f ON f.segment_id = p.segment_id")) {
                while (rs.next()) {
                    rs.getLong(3);
                    if (rs.wasNull()) {
                        unprinted.add(rs.getString(5));
                    } else {
                        prints.put(rs.getInt(1), new Fingerprint(rs.getLong(2), rs.getLong(3), rs.getBoolean(4), true));
                    }
                }
            }
            if (unprinted.isEmpty()) {
                return prints;
            }
            // the segment ids are literals (UUID text) so that DuckDB skips other segments' row groups
            try (ResultSet rs = statement.executeQuery("WITH stored AS (SELECT segment_id, "
                    + MemberFingerprints.sums("customer_id") + " FROM " + MembershipTable.MEMBERS + " WHERE segment_id IN ("
                    + MembershipTable.literals(unprinted.toArray(String[]::new)) + ") GROUP BY segment_id), "
                    + "f AS (SELECT p.segment_id, " + MemberFingerprints.orEmpty("stored") + " FROM " + PRINTS
                    + " p LEFT JOIN stored ON stored.segment_id = p.segment_id) "
                    + "SELECT p.tag, p.size, f.size, p.size = f.size AND p.h1 = f.h1 AND p.h2 = f.h2 FROM " + PRINTS
                    + " p JOIN f ON f.segment_id = p.segment_id WHERE p.segment_id IN ("
                    + MembershipTable.literals(unprinted.toArray(String[]::new)) + ")")) {
                while (rs.next()) {
                    prints.put(rs.getInt(1), new Fingerprint(rs.getLong(2), rs.getLong(3), rs.getBoolean(4), false));
                }
            }
            return prints;
        }

        /**
         * Stores the new numbers of {@code targets}, with the version every member row of each now carries, and
         * which of them had {@code changed} against a stored set (a set written for the first time counts as not
         * changed: nothing says yet that it moves between refreshes).
         */
        private void storePrints(Statement statement, List<Target> targets, List<Target> changed) throws SQLException {
            String literals = MembershipTable.literals(targets.stream().map(t -> t.segmentId().toString()).toArray(String[]::new));
            String changedNow = changed.isEmpty() ? "false" : "p.tag IN (" + tags(changed) + ")";
            statement.executeUpdate("DELETE FROM " + MemberFingerprints.TABLE + " WHERE segment_id IN (" + literals + ")");
            statement.executeUpdate("INSERT INTO " + MemberFingerprints.TABLE + " SELECT p.segment_id, s.version, p.size,"
                    + " p.h1, p.h2, " + changedNow + " FROM " + PRINTS + " p JOIN " + SEGMENTS + " s ON s.tag = p.tag");
        }

        /** Who entered and who exited the {@code changed} segments, into the TEMP changes table (one full outer join). */
        private void diff(Statement statement, List<Target> changed) throws SQLException {
            if (changed.isEmpty()) {
                statement.execute("CREATE OR REPLACE TEMP TABLE " + CHANGES
                        + " (tag INTEGER NOT NULL, customer_id BIGINT NOT NULL, entered BOOLEAN NOT NULL)");
                return;
            }
            String literals = MembershipTable.literals(changed.stream().map(t -> t.segmentId().toString()).toArray(String[]::new));
            // the segment ids are literals (UUID text) so that DuckDB skips other segments' row groups
            statement.execute("CREATE OR REPLACE TEMP TABLE " + CHANGES + " AS "
                    + "WITH old AS (SELECT s.tag, m.customer_id FROM " + MembershipTable.MEMBERS + " m JOIN " + SEGMENTS
                    + " s ON m.segment_id = s.segment_id WHERE m.segment_id IN (" + literals + ")), "
                    + "now AS (SELECT tag, customer_id FROM " + NEW + " WHERE tag IN (" + tags(changed) + ")) "
                    + "SELECT coalesce(now.tag, old.tag) AS tag, coalesce(now.customer_id, old.customer_id) AS customer_id, "
                    + "old.customer_id IS NULL AS entered FROM now FULL OUTER JOIN old "
                    + "ON now.tag = old.tag AND now.customer_id = old.customer_id "
                    + "WHERE now.customer_id IS NULL OR old.customer_id IS NULL");
        }

        /** The targets' tags as a SQL list (our own small numbers). */
        private static String tags(List<Target> targets) {
            StringBuilder tags = new StringBuilder();
            targets.forEach(t -> tags.append(tags.isEmpty() ? "" : ", ").append(t.tag()));
            return tags.toString();
        }

        private void insert(LocalDateTime time, String sql) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setObject(1, time);
                insert.executeUpdate();
            }
        }

        /** Adds the members of segments new to the table ({@code tags}) as their entries, ascending. */
        private void entries(Statement statement, String tags, Map<Integer, long[][]> changes) throws SQLException {
            if (tags.isEmpty()) {
                return;
            }
            Map<Integer, LongList> entered = new HashMap<>();
            try (ResultSet rs = statement.executeQuery("SELECT tag, customer_id FROM " + NEW + " WHERE tag IN (" + tags + ")")) {
                int tag = -1;
                LongList ids = null;
                while (rs.next()) {
                    if (rs.getInt(1) != tag) { // rows come segment by segment: one map look-up per run of a tag
                        tag = rs.getInt(1);
                        ids = entered.computeIfAbsent(tag, t -> new LongList());
                    }
                    ids.add(rs.getLong(2));
                }
            }
            entered.forEach((tag, ids) -> {
                long[] sorted = ids.toArray();
                Arrays.sort(sorted); // already ascending in the usual case, which the sort detects cheaply
                changes.put(tag, new long[][] {sorted, new long[0]});
            });
        }

        /** The targets as rows of the TEMP segments table, bound as arrays (one statement, no text built from them). */
        private void describe(List<Target> targets) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE OR REPLACE TEMP TABLE " + SEGMENTS
                        + " (tag INTEGER NOT NULL, segment_id VARCHAR NOT NULL, version INTEGER NOT NULL, run_id VARCHAR NOT NULL)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SEGMENTS
                    + " SELECT unnest(?::INTEGER[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::VARCHAR[])")) {
                insert.setObject(1, connection.createArrayOf("INTEGER", targets.stream().map(Target::tag).toArray()));
                insert.setObject(2, connection.createArrayOf("VARCHAR", targets.stream().map(t -> t.segmentId().toString()).toArray()));
                insert.setObject(3, connection.createArrayOf("INTEGER", targets.stream().map(Target::version).toArray()));
                insert.setObject(4, connection.createArrayOf("VARCHAR", targets.stream().map(t -> t.runId().toString()).toArray()));
                insert.executeUpdate();
            }
        }

        /** {entered, exited} over all targets. */
        private long[] counts(Statement statement) throws SQLException {
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FILTER (WHERE entered), count(*) FILTER (WHERE NOT entered) FROM "
                    + CHANGES)) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }

        /** Per tag: {entered, exited}, each ascending. */
        private Map<Integer, long[][]> changes(Statement statement, long total) throws SQLException {
            Map<Integer, long[][]> changes = new HashMap<>();
            if (total == 0) {
                return changes;
            }
            try (ResultSet rs = statement.executeQuery("SELECT tag, entered, customer_id FROM " + CHANGES
                    + " ORDER BY tag, entered, customer_id")) {
                LongList ids = new LongList();
                int tag = -1;
                boolean entered = false;
                while (rs.next()) {
                    int rowTag = rs.getInt(1);
                    boolean rowEntered = rs.getBoolean(2);
                    if (rowTag != tag || rowEntered != entered) {
                        put(changes, tag, entered, ids);
                        ids = new LongList();
                        tag = rowTag;
                        entered = rowEntered;
                    }
                    ids.add(rs.getLong(3));
                }
                put(changes, tag, entered, ids);
            }
            return changes;
        }

        private static void put(Map<Integer, long[][]> changes, int tag, boolean entered, LongList ids) {
            if (tag >= 0) {
                changes.computeIfAbsent(tag, t -> new long[][] {new long[0], new long[0]})[entered ? 0 : 1] = ids.toArray();
            }
        }

        @Override
        public void close() {
            MemberSwap.close(connection);
        }
    }
}
