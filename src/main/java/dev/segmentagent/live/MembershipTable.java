package dev.segmentagent.live;

import dev.segmentagent.warehouse.DuckDbWarehouse;
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
import java.util.UUID;

/**
 * Materialised memberships in DuckDB. A change to one segment (its whole member set, or the members among a
 * few customers) is read, diffed and written in ONE transaction: DuckDB's MVCC shows every other reader the
 * old set or the new set, never a mix, and a failure rolls everything back.
 */
@Singleton
class MembershipTable {

    static final String MEMBERS = "segment_members";
    static final String HISTORY = "segment_membership_history";

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

    /** Replaces the segment's members with {@code members} (sorted, distinct). */
    Diff replace(UUID segmentId, int version, long[] members, UUID runId, Instant at) {
        return write(segmentId, version, null, members, runId, at);
    }

    /**
     * Replaces membership only among {@code scope} (sorted, distinct customers): {@code members} are those
     * of the scope who qualify now. Customers outside the scope are left as they are.
     */
    Diff replaceWithin(UUID segmentId, int version, long[] scope, long[] members, UUID runId, Instant at) {
        return write(segmentId, version, scope, members, runId, at);
    }

    /** Current members, ascending. */
    long[] members(UUID segmentId) {
        try (Connection connection = warehouse.connection()) {
            return read(connection, segmentId, null);
        } catch (SQLException e) {
            throw new WarehouseException("cannot read members of " + segmentId + ": " + e.getMessage(), e);
        }
    }

    /** Forgets a deleted segment's members (its history stays). */
    void drop(UUID segmentId) {
        try (Connection connection = warehouse.connection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + MEMBERS + " WHERE segment_id = ?")) {
            delete.setString(1, segmentId.toString());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new WarehouseException("cannot drop members of " + segmentId + ": " + e.getMessage(), e);
        }
    }

    private Diff write(UUID segmentId, int version, long[] scope, long[] members, UUID runId, Instant at) {
        String segment = segmentId.toString();
        try (Connection connection = warehouse.connection()) {
            connection.setAutoCommit(false);
            try {
                long[] old = read(connection, segmentId, scope);
                long[] entered = minus(members, old);
                long[] exited = minus(old, members);
                LocalDateTime time = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
                if (exited.length > 0) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + MEMBERS
                            + " WHERE segment_id = ? AND customer_id IN (SELECT unnest(?))")) {
                        delete.setString(1, segment);
                        delete.setObject(2, connection.createArrayOf("BIGINT", boxed(exited)));
                        delete.executeUpdate();
                    }
                }
                if (olderVersion(connection, segment, version)) {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE " + MEMBERS + " SET version = ? WHERE segment_id = ? AND version <> ?")) {
                        update.setInt(1, version);
                        update.setString(2, segment);
                        update.setInt(3, version);
                        update.executeUpdate();
                    }
                }
                if (entered.length > 0) {
                    try (DuckDBAppender members2 = ((DuckDBConnection) connection)
                            .createAppender(DuckDBConnection.DEFAULT_SCHEMA, MEMBERS)) {
                        for (long customer : entered) {
                            members2.beginRow().append(segment).append(version).append(customer).append(time).endRow();
                        }
                    }
                }
                if (entered.length > 0 || exited.length > 0) {
                    try (DuckDBAppender history = ((DuckDBConnection) connection)
                            .createAppender(DuckDBConnection.DEFAULT_SCHEMA, HISTORY)) {
                        String run = runId.toString();
                        for (long customer : entered) {
                            history.beginRow().append(segment).append(customer).append("entered").append(run)
                                    .append(version).append(time).endRow();
                        }
                        for (long customer : exited) {
                            history.beginRow().append(segment).append(customer).append("exited").append(run)
                                    .append(version).append(time).endRow();
                        }
                    }
                }
                long size = scope == null ? members.length : count(connection, segment);
                connection.commit();
                return new Diff(entered, exited, size);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot write members of " + segmentId + ": " + e.getMessage(), e);
        }
    }

    private static long[] read(Connection connection, UUID segmentId, long[] scope) throws SQLException {
        String sql = "SELECT customer_id FROM " + MEMBERS + " WHERE segment_id = ?"
                + (scope == null ? "" : " AND customer_id IN (SELECT unnest(?))") + " ORDER BY customer_id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, segmentId.toString());
            if (scope != null) {
                select.setObject(2, connection.createArrayOf("BIGINT", boxed(scope)));
            }
            try (ResultSet rs = select.executeQuery()) {
                LongList ids = new LongList();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids.toArray();
            }
        }
    }

    /** Whether any member row was written for another version (only then is the UPDATE scan worth it). */
    private static boolean olderVersion(Connection connection, String segment, int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM " + MEMBERS + " WHERE segment_id = ? AND version <> ?)")) {
            select.setString(1, segment);
            select.setInt(2, version);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static long count(Connection connection, String segment) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT count(*) FROM " + MEMBERS + " WHERE segment_id = ?")) {
            select.setString(1, segment);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
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
