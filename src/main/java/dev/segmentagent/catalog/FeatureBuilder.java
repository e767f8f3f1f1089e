package dev.segmentagent.catalog;

import dev.segmentagent.warehouse.CustomerIndexes;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.Rollback;
import dev.segmentagent.warehouse.SqlNames;
import dev.segmentagent.warehouse.WarehouseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds {@code customer_features}: one row per customer, one column per catalog field (deprecated fields
 * too, so segments saved before a rename keep working), computed only from the catalog's derivations.
 *
 * <p>The table is replaced by a single {@code CREATE OR REPLACE TABLE ... AS SELECT} inside a transaction
 * that also records the as-of instant in warehouse_meta; DuckDB's MVCC means readers see either the old
 * table or the new one, never half a build.
 */
public final class FeatureBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureBuilder.class);

    public static final String FEATURE_TABLE = FeatureSql.FEATURE_TABLE;
    /** warehouse_meta key holding the ISO instant the current customer_features describes. */
    public static final String AS_OF_KEY = "features_as_of";
    public static final String BUILD_MS_KEY = "features_build_ms";

    /** Replaces customer_features, the table segments run on, and records its as-of. */
    public FeatureBuildReport build(DuckDbWarehouse warehouse, Catalog catalog, Instant asOf) {
        return build(warehouse, catalog, asOf, FEATURE_TABLE, true);
    }

    /**
     * The same features as of any instant, into another table: a point-in-time snapshot (e.g. at a model's
     * training cut-off). Every row filter stops at {@code asOf} and only customers who signed up before it
     * are included, so nothing later leaks in. warehouse_meta is left alone.
     */
    public FeatureBuildReport buildSnapshot(DuckDbWarehouse warehouse, Catalog catalog, Instant asOf, String table) {
        if (FEATURE_TABLE.equals(table)) {
            throw new IllegalArgumentException("a snapshot must not replace " + FEATURE_TABLE);
        }
        return build(warehouse, catalog, asOf, table, false);
    }

    /** TEMP table (customer_id) naming the customers whose rows the TEMP copies on a connection hold. */
    public static final String SCOPE_TABLE = "scope_customers";

    /**
     * Recomputes, after new rows in {@code tables}, the customers listed in the TEMP table {@link #SCOPE_TABLE}
     * of this connection, whose TEMP copies of {@link #tablesRead} hold exactly those customers' rows (they
     * shadow the warehouse tables there). The SELECT then needs no id filter at all: a literal list of a few
     * thousand ids took DuckDB about a second to plan, and the copies make every scan a few rows.
     *
     * <p>In one transaction: the scope's current rows are copied into a TEMP {@code customer_features}, the
     * recomputed columns are updated there (newcomers get whole rows), and the scope's rows of the warehouse table
     * are replaced by that copy (delete, then append). An UPDATE of the 1M-row table cost ~200 ms per event batch
     * at 1M customers and left every later scan merging in-memory update chains of ~30 columns; a delete and an
     * append of a few hundred whole rows cost ~25 ms. A reader sees each customer's old row or new row, never
     * neither, and a full build committing meanwhile makes this transaction fail rather than write stale rows.
     * The TEMP copy stays on the connection, up to date, for the segment scan that follows.
     *
     * @return how many rows were written
     */
    public long rebuildScoped(Connection connection, Catalog catalog, Instant asOf, java.util.Set<String> tables)
            throws SQLException {
        String key = SqlText.id(FeatureSql.KEY);
        java.util.List<String> fields = FeatureSql.fieldsReading(catalog, tables);
        boolean whole = tables.contains(FeatureSql.SPINE_TABLE) || fields.size() == catalog.fields().size();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // the stored table is read and written by key: by index for a small scope (CustomerIndexes)
            CustomerIndexes.ScopeFilter inScope = CustomerIndexes.scopeFilter(scope(statement), SCOPE_TABLE);
            String stored;
            try (ResultSet rs = statement.executeQuery("SELECT current_database()")) {
                rs.next();
                // the database name is the file's, not a catalog identifier
                stored = SqlNames.quote(rs.getString(1)) + ".main." + SqlText.id(FEATURE_TABLE);
            }
            String copy = "temp.main." + SqlText.id(FEATURE_TABLE);
            long t0 = System.nanoTime();
            execute(connection, "CREATE OR REPLACE TEMP TABLE " + SqlText.id(FEATURE_TABLE) + " AS SELECT * FROM "
                    + stored + " WHERE " + key + " " + inScope.sql(), inScope);
            long t1 = System.nanoTime();
            if (whole) {
                statement.execute("DELETE FROM " + copy);
                statement.execute("INSERT INTO " + copy + " BY NAME " + FeatureSql.select(catalog, asOf, null, null));
            } else {
                // customers without a row yet (signed up after the last full build) get a whole row
                String missing = "SELECT s." + key + " FROM " + SCOPE_TABLE + " s ANTI JOIN " + copy + " f ON f." + key
                        + " = s." + key;
                java.util.List<Long> newcomers = new java.util.ArrayList<>();
                try (ResultSet rows = statement.executeQuery(missing)) {
                    while (rows.next()) {
                        newcomers.add(rows.getLong(1));
                    }
                }
                if (!newcomers.isEmpty()) {
                    statement.execute("INSERT INTO " + copy + " BY NAME " + FeatureSql.select(catalog, asOf, newcomers));
                }
                if (!fields.isEmpty()) {
                    StringBuilder update = new StringBuilder("UPDATE ").append(copy).append(" AS t SET ");
                    for (int i = 0; i < fields.size(); i++) {
                        String column = SqlText.id(fields.get(i));
                        update.append(i == 0 ? "" : ", ").append(column).append(" = n.").append(column);
                    }
                    update.append(" FROM (").append(FeatureSql.select(catalog, asOf, null, fields)).append(") AS n WHERE t.")
                            .append(key).append(" = n.").append(key);
                    statement.executeUpdate(update.toString());
                }
            }
            long t2 = System.nanoTime();
            execute(connection, "DELETE FROM " + stored + " WHERE " + key + " " + inScope.sql(), inScope);
            long t3 = System.nanoTime();
            long written = statement.executeUpdate("INSERT INTO " + stored + " BY NAME SELECT * FROM " + copy);
            long t4 = System.nanoTime();
            connection.commit();
            if (LOG.isDebugEnabled()) {
                LOG.debug("scoped feature rebuild of {} rows ({} columns): copy {} ms, compute {} ms, delete {} ms, "
                                + "append {} ms, commit {} ms", written, whole ? "all" : fields.size(), (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
                        (System.nanoTime() - t4) / 1_000_000);
            }
            return written;
        } catch (SQLException | RuntimeException e) {
            Rollback.keepingCause(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void execute(Connection connection, String sql, CustomerIndexes.ScopeFilter filter)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            filter.bind(statement, 1);
            statement.execute();
        }
    }

    /** The ids in {@link #SCOPE_TABLE}: all of them, or just enough to tell that there are too many to list. */
    private static long[] scope(Statement statement) throws SQLException {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT DISTINCT customer_id FROM " + SCOPE_TABLE + " LIMIT "
                + (CustomerIndexes.LIST_LIMIT + 1))) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The tables {@link #rebuildScoped} reads after new rows in {@code tables}: the spine and the sources of the recomputed fields and their operands.
     */
    public static java.util.Set<String> tablesRead(Catalog catalog, java.util.Set<String> tables) {
        java.util.List<String> fields = FeatureSql.fieldsReading(catalog, tables);
        if (tables.contains(FeatureSql.SPINE_TABLE) || fields.size() == catalog.fields().size()) {
            fields = catalog.fields().stream().map(FieldSpec::name).toList();
        }
        return FeatureSql.tablesOf(catalog, fields);
    }

    private FeatureBuildReport build(DuckDbWarehouse warehouse, Catalog catalog, Instant asOf, String table,
                                     boolean recordMeta) {
        long started = System.nanoTime();
        String select = FeatureSql.select(catalog, asOf);
        try (Connection connection = warehouse.connection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE OR REPLACE TABLE " + SqlText.id(table) + " AS " + select);
                if (recordMeta) {
                    // events read and update a few customers' rows by key (see CustomerIndexes)
                    CustomerIndexes.create(statement, table);
                }
                long customers;
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + SqlText.id(table))) {
                    rows.next();
                    customers = rows.getLong(1);
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                if (recordMeta) {
                    writeMeta(connection, asOf, elapsed);
                }
                connection.commit();
                LOG.info("built {} for {} customers x {} fields as of {} in {} ms",
                        table, customers, catalog.fields().size(), asOf, elapsed.toMillis());
                return new FeatureBuildReport(asOf, customers, catalog.fields().size(), elapsed);
            } catch (SQLException | RuntimeException e) {
                Rollback.keepingCause(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new WarehouseException("building " + table + " failed: " + e.getMessage(), e);
        }
    }

    private static void writeMeta(Connection connection, Instant asOf, Duration elapsed) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM warehouse_meta WHERE key IN (?, ?)");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO warehouse_meta (key, value) VALUES (?, ?)")) {
            delete.setString(1, AS_OF_KEY);
            delete.setString(2, BUILD_MS_KEY);
            delete.executeUpdate();
            insert.setString(1, AS_OF_KEY);
            insert.setString(2, asOf.toString());
            insert.addBatch();
            insert.setString(1, BUILD_MS_KEY);
            insert.setString(2, Long.toString(elapsed.toMillis()));
            insert.addBatch();
            insert.executeBatch();
        }
    }
}
