package dev.segmentagent.live;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.FeatureBuilder;
import dev.segmentagent.catalog.TableSpec;
import dev.segmentagent.sqlgen.Identifiers;
import dev.segmentagent.warehouse.CustomerIndexes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * TEMP copies of a scope's rows of warehouse tables on one connection. A TEMP table shadows the table of the
 * same name for unqualified references on that connection (DuckDB searches the temp catalog first), so the
 * unchanged feature and segment SQL runs over a few hundred rows instead of scanning e.g. 20M web_events per
 * statement, and every step of one incremental update reads the same copy. Results for the scope's customers
 * are unchanged because every such statement is per customer (grouped or keyed by customer id).
 */
final class ScopedCopies {

    /** TEMP table of the scope's customer ids on the connection (one column, customer_id). */
    static final String SCOPE_TABLE = FeatureBuilder.SCOPE_TABLE;

    private final Connection connection;
    private final String database;
    private final Set<String> copied = new HashSet<>();
    private final CustomerIndexes.ScopeFilter filter;

    /**
     * @param scope the customers (non-empty, typed longs). They go into a TEMP table, which the feature
     *              statements over the copies read, and, when few, into the copies' filter as bound values.
     */
    ScopedCopies(Connection connection, long[] scope) throws SQLException {
        this.connection = connection;
        this.filter = CustomerIndexes.scopeFilter(scope, SCOPE_TABLE);
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_database()")) {
            rs.next();
            this.database = rs.getString(1);
            statement.execute("CREATE TEMP TABLE " + SCOPE_TABLE + " (customer_id BIGINT)");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + SCOPE_TABLE + " SELECT DISTINCT unnest(?)")) {
            insert.setObject(1, connection.createArrayOf("BIGINT", Arrays.stream(scope).boxed().toArray()));
            insert.executeUpdate();
        }
    }

    Connection connection() {
        return connection;
    }

    /**
     * Copies the scope's rows of those tables not copied yet, all in one snapshot. A small scope is filtered by
     * a list of bound ids, which DuckDB answers from the table's customer-key index; a large one by a semi-join
     * with the scope table (see {@link CustomerIndexes#scopeFilter}). Either way only the scope's rows are
     * copied; only the cost differs.
     */
    void copy(Catalog catalog, Collection<String> tables) throws SQLException {
        Set<String> missing = new java.util.TreeSet<>(tables);
        missing.removeAll(copied);
        if (missing.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN TRANSACTION");
            try {
                for (String table : missing) {
                    String key = catalog.table(table).map(TableSpec::customerKey).orElse("customer_id");
                    try (PreparedStatement create = connection.prepareStatement("CREATE TEMP TABLE "
                            + Identifiers.quote(table) + " AS SELECT * FROM " + Identifiers.quote(database) + ".main."
                            + Identifiers.quote(table) + " WHERE " + Identifiers.quote(key) + " " + filter.sql())) {
                        filter.bind(create, 1);
                        create.execute();
                    }
                }
                statement.execute("COMMIT");
            } catch (SQLException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
        copied.addAll(missing);
    }

    /**
     * Records that the connection already holds a TEMP copy of the scope's rows of {@code table}, made by someone
     * else (the feature rebuild leaves its up-to-date copy of customer_features), so it is not copied again.
     */
    void adopt(String table) {
        copied.add(table);
    }
}
