package dev.segmentagent.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ART indexes on the customer key of the per-customer warehouse tables. An event updates a few hundred
 * customers; their rows are read with a bound {@code customer_id IN (?, ?, ...)} list, which DuckDB answers from the
 * index (an "Index Scan" in EXPLAIN) while fewer rows match than {@code max(index_scan_max_count,
 * index_scan_percentage x rows)}, instead of scanning all ~20M web_events at 1M customers. With no index, or
 * past that threshold, the same statement is a plain filtered scan: the index changes speed, never results.
 *
 * <p>DuckDB cannot rename a table that has an index, and a bulk load is cheaper without one, so the paths that
 * (re)create tables drop the index before loading and create it after (generate), or create it after the swap
 * inside the same transaction (import, feature build).
 */
public final class CustomerIndexes {

    public static final String KEY = "customer_id";

    /**
     * Tables whose rows are never looked up per customer on the event path, or whose writes an index would
     * slow: live membership state (scanned by segment), model outputs (replaced 1M rows at a time), the ledger
     * of event ids (keyed by event id), and generator bookkeeping.
     */
    private static final Set<String> NOT_INDEXED = Set.of("segment_members", "segment_membership_history",
            "segment_member_exits", "ingested_events", "model_scores", "cluster_assignments", "planted_personas");

    /**
     * Up to this many customers, a scope is read by a list of bound ids (from the index); beyond it by a semi-join
     * with the scope's TEMP table, which DuckDB runs as one scan of the key column with a pushed-down filter. At
     * 1M customers (2 cores, CREATE TEMP TABLE AS of the scope's rows, ms): 100 customers: web_events 18 by index
     * vs 31 by scan, customer_features 25 vs 39; 300: 25 vs 43, 56 vs 68; 1,000: 65 vs 57, 133 vs 113. Fetching
     * rows one by one from compressed columns costs more than the scan once a scope reaches about a thousand.
     * Measured again with DuckDB 2.0 (CREATE TEMP TABLE AS, mean of two samples each, load ~4): 435 customers:
     * web_events 74 by index vs 94 by scan, customers 24 vs 34, customer_features 153 vs 161; 800: 109 vs 103,
     * 35 vs 22, 234 vs 226. The index wins up to about 600, and at 1,000 events/s with 100 live segments the
     * event path's scopes are 300-650 customers: with the limit at 256 most of them took the slower scan.
     */
    public static final int LIST_LIMIT = 512;

    private CustomerIndexes() {
    }

    /**
     * A filter on a customer key selecting a scope: {@code sql} follows the key column, and {@link #bind} sets its
     * parameters (one per id, none for a semi-join).
     */
    public record ScopeFilter(String sql, long[] ids) {

        /** Sets the ids from parameter {@code first} on; returns the next parameter index. */
        public int bind(java.sql.PreparedStatement statement, int first) throws SQLException {
            for (int i = 0; i < ids.length; i++) {
                statement.setLong(first + i, ids[i]);
            }
            return first + ids.length;
        }
    }

    /**
     * The filter that selects {@code scope} best: {@code IN (?, ?, ...)} for a small scope, which DuckDB answers
     * from the table's customer-key index (bound values count as constants there), else {@code IN (SELECT
     * customer_id FROM <scopeTable>)}, a TEMP table holding the same ids.
     */
    public static ScopeFilter scopeFilter(long[] scope, String scopeTable) {
        if (scope.length == 0 || scope.length > LIST_LIMIT) {
            return new ScopeFilter("IN (SELECT " + KEY + " FROM " + scopeTable + ")", new long[0]);
        }
        return boundList(scope);
    }

    /** {@code IN (?, ?, ...)} for these ids (non-empty), sorted and distinct. */
    private static ScopeFilter boundList(long[] ids) {
        long[] sorted = java.util.Arrays.stream(ids).sorted().distinct().toArray();
        return new ScopeFilter("IN (" + "?, ".repeat(sorted.length - 1) + "?)", sorted);
    }

    /** The index's name for a table: one per table, so IF NOT EXISTS makes creation idempotent. */
    static String name(String table) {
        return table + "_" + KEY;
    }

    /** Creates the table's customer-key index unless it exists. The table must have a customer_id column. */
    public static void create(Statement statement, String table) throws SQLException {
        statement.execute("CREATE INDEX IF NOT EXISTS " + SqlNames.quote(name(table)) + " ON " + SqlNames.quote(table)
                + " (" + SqlNames.quote(KEY) + ")");
    }

    /** Drops the table's customer-key index if there is one (before a bulk delete and reload). */
    public static void drop(Statement statement, String table) throws SQLException {
        statement.execute("DROP INDEX IF EXISTS " + SqlNames.quote(name(table)));
    }

    /**
     * Indexes every table of the main schema that has a customer_id column and is not in {@link #NOT_INDEXED}:
     * for warehouses generated or imported before indexes existed (a one-time cost, then a no-op).
     *
     * @return the tables that got an index now
     */
    public static List<String> ensure(Connection connection) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT t.table_name FROM duckdb_tables() t "
                     + "JOIN duckdb_columns() c ON c.table_oid = t.table_oid AND c.column_name = '" + KEY + "' "
                     + "WHERE t.database_name = current_database() AND t.schema_name = 'main' AND NOT t.temporary "
                     + "AND NOT EXISTS (SELECT 1 FROM duckdb_indexes() i WHERE i.table_oid = t.table_oid "
                     + "AND i.index_name = t.table_name || '_" + KEY + "') ORDER BY 1")) {
            while (rs.next()) {
                if (!NOT_INDEXED.contains(rs.getString(1))) {
                    missing.add(rs.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : missing) {
                create(statement, table);
            }
        }
        return missing;
    }

    /** Whether the table has its customer-key index (for tests and reports). */
    public static boolean present(Connection connection, String table) throws SQLException {
        try (java.sql.PreparedStatement select = connection.prepareStatement(
                "SELECT count(*) FROM duckdb_indexes() WHERE database_name = current_database() AND table_name = ? "
                        + "AND index_name = ?")) {
            select.setString(1, table);
            select.setString(2, name(table));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
