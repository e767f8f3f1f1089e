package dev.segmentagent.sqlgen;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs compiled segments: every statement (exactly as it will run, wrappers included) passes {@link SqlPolicy}
 * and executes inside a READ ONLY transaction of the warehouse.
 */
public final class SegmentExecutor {

    /** One page of members in customer id order, with the total member count. */
    public record MemberPage(long total, List<Long> members, int limit, long offset) {
        public MemberPage {
            members = List.copyOf(members);
        }
    }

    private final DuckDbWarehouse warehouse;
    private final SqlPolicy policy;

    public SegmentExecutor(DuckDbWarehouse warehouse, SqlPolicy policy) {
        this.warehouse = warehouse;
        this.policy = policy;
    }

    public long count(CompiledSegment segment) {
        String sql = "SELECT count(*) FROM (" + segment.sql() + ") AS segment";
        return run(connection -> {
            List<Long> rows = query(connection, sql, segment.params());
            return rows.get(0);
        });
    }

    /** All members, ascending by customer id. */
    public List<Long> members(CompiledSegment segment) {
        String sql = segment.sql() + " ORDER BY f.customer_id";
        return run(connection -> query(connection, sql, segment.params()));
    }

    /** Members {@code offset .. offset+limit-1} in customer id order, and the total, from one snapshot. */
    public MemberPage page(CompiledSegment segment, int limit, long offset) {
        if (limit < 1 || limit > 10_000 || offset < 0) {
            throw new IllegalArgumentException("limit must be 1..10000 and offset >= 0");
        }
        String countSql = "SELECT count(*) FROM (" + segment.sql() + ") AS segment";
        String pageSql = segment.sql() + " ORDER BY f.customer_id LIMIT ? OFFSET ?";
        List<Object> pageParams = new ArrayList<>(segment.params());
        pageParams.add((long) limit);
        pageParams.add(offset);
        return run(connection -> {
            long total = query(connection, countSql, segment.params()).get(0);
            return new MemberPage(total, query(connection, pageSql, pageParams), limit, offset);
        });
    }

    /** Reads a result set; may throw SQLException like JDBC itself. */
    @FunctionalInterface
    public interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs one statement assembled from compiled fragments (a preview funnel, a member sample) under the same
     * rules as a compiled segment: policy check on the exact text, bind parameters, READ ONLY transaction.
     */
    public <T> T query(String sql, List<Object> params, ResultReader<T> reader) {
        return run(connection -> {
            policy.check(connection, sql);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Params.bind(statement, params);
                try (ResultSet rs = statement.executeQuery()) {
                    return reader.read(rs);
                }
            }
        });
    }

    /**
     * The same rules on the caller's connection (one holding TEMP tables that shadow the warehouse's, for a
     * scoped evaluation): policy check on the exact text, bound parameters, a READ ONLY transaction that is
     * rolled back afterwards. The connection must not be inside a transaction.
     */
    public <T> T query(Connection connection, String sql, List<Object> params, ResultReader<T> reader)
            throws SQLException {
        try (Statement transaction = connection.createStatement()) {
            transaction.execute("BEGIN TRANSACTION READ ONLY");
            try {
                policy.check(connection, sql);
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    Params.bind(statement, params);
                    try (ResultSet rs = statement.executeQuery()) {
                        return reader.read(rs);
                    }
                }
            } finally {
                transaction.execute("ROLLBACK");
            }
        }
    }

    /**
     * The same rules, but the rows go into {@code tempTable}, a TEMP table of the caller's connection, instead
     * of coming back: so that a full refresh can diff millions of members inside DuckDB rather than in Java.
     * The policy checks the exact SELECT; the fixed {@code INSERT INTO temp.<table>} around it runs in a READ
     * ONLY transaction, in which DuckDB refuses every write except to the connection's own temporary tables.
     * The transaction is committed so that the rows stay. The connection must not be inside a transaction.
     *
     * @return the number of rows inserted
     */
    public long insertIntoTemp(Connection connection, String tempTable, String sql, List<Object> params)
            throws SQLException {
        return insertIntoTemp(connection, tempTable, List.of(new Query(sql, params)));
    }

    /** One statement and its bound parameters. */
    public record Query(String sql, List<Object> params) {}

    /**
     * {@link #insertIntoTemp(Connection, String, String, List)} for several statements in ONE read-only
     * transaction (one begin and commit instead of one per statement): all their rows stay, or, should one fail,
     * none.
     */
    public long insertIntoTemp(Connection connection, String tempTable, List<Query> queries) throws SQLException {
        if (!tempTable.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a plain table name: " + tempTable);
        }
        try (Statement transaction = connection.createStatement()) {
            transaction.execute("BEGIN TRANSACTION READ ONLY");
            boolean committed = false;
            try {
                long rows = 0;
                for (Query query : queries) {
                    policy.check(connection, query.sql());
                    try (PreparedStatement statement = connection.prepareStatement("INSERT INTO temp." + tempTable + " "
                            + query.sql())) {
                        Params.bind(statement, query.params());
                        rows += statement.executeLargeUpdate();
                    }
                }
                transaction.execute("COMMIT");
                committed = true;
                return rows;
            } finally {
                if (!committed) {
                    rollback(connection);
                }
            }
        }
    }

    /** Ends a failed transaction; a statement that failed may have closed the one that began it. */
    private static void rollback(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // DuckDB already ended a transaction that a failed statement invalidated; nothing is left to undo
        }
    }

    private List<Long> query(Connection connection, String sql, List<Object> params) throws SQLException {
        policy.check(connection, sql);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Params.bind(statement, params);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private <T> T run(DuckDbWarehouse.SqlWork<T> work) {
        try {
            return warehouse.readOnly(work);
        } catch (SQLException e) {
            throw new WarehouseException("segment query failed: " + e.getMessage(), e);
        }
    }
}
