package dev.segmentagent.live;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.Rollback;
import dev.segmentagent.warehouse.WarehouseException;
import jakarta.inject.Singleton;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Materialised memberships in DuckDB. A change to one segment (its whole member set, or the members among a
 * few customers) is read, diffed and written in ONE transaction: DuckDB's MVCC shows every other reader the
 * old set or the new set, never a mix, and a failure rolls everything back. A full refresh writes through
 * {@link MemberSwap} on the same tables.
 */
@Singleton
class MembershipTable {

    static final String MEMBERS = "segment_members";
    static final String HISTORY = "segment_membership_history";
    static final String EXITS = "segment_member_exits";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MembershipTable.class);

    private final DuckDbWarehouse warehouse;

    MembershipTable(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
        createTables();
    }

    /** The difference a change made; entered and exited sorted ascending. */
    record Diff(long[] entered, long[] exited, long size) {
        boolean changed() {
            return entered.length > 0 || exited.length > 0;
        }
    }

    /** One segment's new member set (sorted, distinct) for {@link #replaceAll}. */
    record Replacement(UUID segmentId, int version, long[] members, UUID runId) {}

    /**
     * Replaces the members of many segments among {@code scope} (sorted, distinct customers) in ONE transaction:
     * each set holds the scope's customers who qualify now; customers outside the scope keep their membership.
     * This is the event path: one transaction for every affected segment instead of one per segment. (A full
     * refresh diffs and writes inside DuckDB instead: {@link MemberSwap}.)
     */
    Map<UUID, Diff> replaceAll(List<Replacement> sets, long[] scope, Instant at) {
        Map<UUID, Diff> diffs = new LinkedHashMap<>();
        if (sets.isEmpty()) {
            return diffs;
        }
        String[] ids = sets.stream().map(r -> r.segmentId().toString()).toArray(String[]::new);
        LocalDateTime time = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        try (Connection connection = warehouse.connection()) {
            connection.setAutoCommit(false);
            try {
                long w0 = System.nanoTime();
                ScopeRead read = readScope(connection, ids, scope);
                long[][] old = read.old();
                Map<String, long[]> before = read.stats();
                long w1 = System.nanoTime();
                long[][] entered = new long[sets.size()][];
                long[][] exited = new long[sets.size()][];
                long exits = 0;
                for (int i = 0; i < sets.size(); i++) {
                    entered[i] = minus(sets.get(i).members(), old[i]);
                    exited[i] = minus(old[i], sets.get(i).members());
                    exits += exited[i].length;
                }
                DuckDBConnection duck = (DuckDBConnection) connection;
                long w3 = System.nanoTime();
                if (exits > 0) {
                    try (DuckDBAppender scratch = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, EXITS)) {
                        for (int i = 0; i < sets.size(); i++) {
                            for (long customer : exited[i]) {
                                scratch.beginRow().append(ids[i]).append(customer).endRow();
                            }
                        }
                    }
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("DELETE FROM " + MEMBERS + " AS m USING " + EXITS + " AS x "
                                + "WHERE m.segment_id = x.segment_id AND m.customer_id = x.customer_id");
                        statement.executeUpdate("DELETE FROM " + EXITS);
                    }
                }
                long w4 = System.nanoTime();
                boolean versionChanged = false;
                for (int i = 0; i < sets.size(); i++) {
                    int version = sets.get(i).version();
                    long[] range = before.get(ids[i]);
                    if (range != null && (range[1] != version || range[2] != version)) {
                        versionChanged = true;
                        try (PreparedStatement update = connection.prepareStatement(
                                "UPDATE " + MEMBERS + " SET version = ? WHERE segment_id = ? AND version <> ?")) {
                            update.setInt(1, version);
                            update.setString(2, ids[i]);
                            update.setInt(3, version);
                            update.executeUpdate();
                        }
                    }
                }
                long w5 = System.nanoTime();
                try (DuckDBAppender members = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, MEMBERS)) {
                    for (int i = 0; i < sets.size(); i++) {
                        int version = sets.get(i).version();
                        for (long customer : entered[i]) {
                            members.beginRow().append(ids[i]).append(version).append(customer).append(time).endRow();
                        }
                    }
                }
                long w6 = System.nanoTime();
                try (DuckDBAppender history = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, HISTORY)) {
                    for (int i = 0; i < sets.size(); i++) {
                        String run = sets.get(i).runId().toString();
                        int version = sets.get(i).version();
                        for (long customer : entered[i]) {
                            history.beginRow().append(ids[i]).append(customer).append("entered").append(run)
                                    .append(version).append(time).endRow();
                        }
                        for (long customer : exited[i]) {
                            history.beginRow().append(ids[i]).append(customer).append("exited").append(run)
                                    .append(version).append(time).endRow();
                        }
                    }
                }
                MemberFingerprints.apply(connection, ids, sets.stream().mapToInt(Replacement::version).toArray(),
                        entered, exited, versionChanged);
                long w7 = System.nanoTime();
                connection.commit();
                long w8 = System.nanoTime();
                LOG.debug("replaceAll of {} segments, {} customers, {} exits: read {} ms, diff {} ms, "
                                + "exits {} ms, versions {} ms, members {} ms, history and fingerprints {} ms, commit {} ms",
                        sets.size(), scope.length, exits, (w1 - w0) / 1_000_000,
                        (w3 - w1) / 1_000_000, (w4 - w3) / 1_000_000, (w5 - w4) / 1_000_000, (w6 - w5) / 1_000_000,
                        (w7 - w6) / 1_000_000, (w8 - w7) / 1_000_000);
                for (int i = 0; i < sets.size(); i++) {
                    // exits were members, entries were not, and the transaction saw no other writer
                    long[] counted = before.get(ids[i]);
                    long size = (counted == null ? 0 : counted[0]) + entered[i].length - exited[i].length;
                    diffs.put(sets.get(i).segmentId(), new Diff(entered[i], exited[i], size));
                }
                return diffs;
            } catch (SQLException | RuntimeException e) {
                Rollback.keepingCause(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot write members of " + sets.size() + " segments: " + e.getMessage(), e);
        }
    }

    /**
     * The scope's rows of these segments, and per segment {count, lowest version, highest version}. The counts
     * give the new sizes and the versions say whether a version UPDATE is due; both come from the stored
     * fingerprints ({@link MemberFingerprints}: kept in the same transaction as every member write, so they agree
     * with the rows this transaction sees, and every member row carries the fingerprint's version). Counting
     * them instead meant grouping every member row of these segments (~5M at 1M customers, 56–85 ms per event
     * update, the largest part of its write); now only the scope's rows are read. A segment without a stored
     * fingerprint is counted by a scan, as before.
     */
    private static ScopeRead readScope(Connection connection, String[] ids, long[] scope) throws SQLException {
        Map<String, long[]> stats = new HashMap<>();
        MemberFingerprints.stored(connection, Arrays.asList(ids)).forEach((id, print) ->
                stats.put(id, new long[] {print.numbers().size(), print.version(), print.version()}));
        String[] uncounted = Arrays.stream(ids).filter(id -> !stats.containsKey(id)).toArray(String[]::new);
        if (uncounted.length > 0) {
            countByScan(connection, uncounted, stats);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
        long[][] result = new long[ids.length][];
        Arrays.fill(result, new long[0]);
        // The segment ids are literals (UUID text: nothing else can appear), which DuckDB pushes into the scan as a
        // filter, so row groups of other segments are skipped by their zone maps (a refresh appends a segment's
        // members together). The customers as an array: a literal list of thousands of ids took DuckDB about a
        // second to plan.
        String sql = "SELECT segment_id, list(customer_id) FROM " + MEMBERS + " WHERE segment_id IN (" + literals(ids)
                + ") AND customer_id IN (SELECT unnest(?)) GROUP BY segment_id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, connection.createArrayOf("BIGINT", boxed(scope)));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Object[] values = (Object[]) rs.getArray(2).getArray();
                    long[] customers = new long[values.length];
                    for (int j = 0; j < values.length; j++) {
                        customers[j] = ((Number) values[j]).longValue();
                    }
                    Arrays.sort(customers);
                    result[index.get(rs.getString(1))] = customers;
                }
            }
        }
        return new ScopeRead(result, stats);
    }

    /** {count, lowest version, highest version} of the segments with members among {@code ids}, by one scan. */
    private static void countByScan(Connection connection, String[] ids, Map<String, long[]> stats) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT segment_id, count(*), min(version), max(version) FROM "
                     + MEMBERS + " WHERE segment_id IN (" + literals(ids) + ") GROUP BY segment_id")) {
            while (rs.next()) {
                stats.put(rs.getString(1), new long[] {rs.getLong(2), rs.getInt(3), rs.getInt(4)});
            }
        }
    }

    /**
     * What {@link #readScope} found: per segment (in the order asked) its members in the scope, ascending; per
     * segment id with a stored fingerprint or with members {count, lowest version, highest version}.
     */
    private record ScopeRead(long[][] old, Map<String, long[]> stats) {}

    /** Segment ids as SQL string literals; they are UUIDs' own text, checked here all the same. */
    static String literals(String[] ids) {
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            out.append(out.isEmpty() ? "" : ", ").append('\'').append(UUID.fromString(id)).append('\'');
        }
        return out.toString();
    }

    /** Current members, ascending. */
    long[] members(UUID segmentId) {
        try (Connection connection = warehouse.connection()) {
            return read(connection, segmentId);
        } catch (SQLException e) {
            throw new WarehouseException("cannot read members of " + segmentId + ": " + e.getMessage(), e);
        }
    }

    /** Forgets a deleted segment's members and their fingerprint (its history stays), in one transaction. */
    void drop(UUID segmentId) {
        try (Connection connection = warehouse.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + MEMBERS + " WHERE segment_id = ?")) {
                delete.setString(1, segmentId.toString());
                delete.executeUpdate();
                MemberFingerprints.forget(connection, segmentId.toString());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                Rollback.keepingCause(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot drop members of " + segmentId + ": " + e.getMessage(), e);
        }
    }

    private static long[] read(Connection connection, UUID segmentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT customer_id FROM " + MEMBERS + " WHERE segment_id = ? ORDER BY customer_id")) {
            select.setString(1, segmentId.toString());
            try (ResultSet rs = select.executeQuery()) {
                LongList ids = new LongList();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids.toArray();
            }
        }
    }

    /** Elements of sorted {@code a} not in sorted {@code b}. */
    static long[] minus(long[] a, long[] b) {
        LongList out = new LongList();
        int j = 0;
        for (long x : a) {
            while (j < b.length && b[j] < x) {
                j++;
            }
            if (j >= b.length || b[j] != x) {
                out.add(x);
            }
        }
        return out.toArray();
    }

    private static Object[] boxed(long[] ids) {
        return Arrays.stream(ids).boxed().toArray();
    }

    private void createTables() {
        String ddl;
        try (InputStream in = MembershipTable.class.getResourceAsStream("/live/warehouse-live.sql")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /live/warehouse-live.sql");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
            for (String sql : ddl.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql.trim());
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot create the live segment tables: " + e.getMessage(), e);
        }
    }
}
