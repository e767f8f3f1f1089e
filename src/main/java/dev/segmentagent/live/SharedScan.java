package dev.segmentagent.live;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.TableSpec;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.sqlgen.Identifiers;
import dev.segmentagent.sqlgen.SegmentExecutor;
import dev.segmentagent.sqlgen.SqlFragment;
import dev.segmentagent.sqlgen.SqlPolicy;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluates many segments in ONE scan of customer_features instead of one query each: every segment's
 * compiled predicate becomes one bit of a BIGINT mask column (62 segments per column), and only customers in
 * at least one segment come back. The statement passes the SQL policy and runs read-only like any segment SQL.
 *
 * <p>With a scope (the customers new events touched) the same statement is limited to those customers, which
 * is how an event re-evaluates memberships without a full refresh.
 */
@Singleton
class SharedScan {

    static final int BITS_PER_MASK = 62;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SharedScan.class);

    private final DuckDbWarehouse warehouse;
    private final DefinitionPipeline pipeline;

    SharedScan(DuckDbWarehouse warehouse, DefinitionPipeline pipeline) {
        this.warehouse = warehouse;
        this.pipeline = pipeline;
    }

    /** Members of each segment (ascending customer ids), over everyone or only over {@code scope}. */
    Map<UUID, long[]> members(List<LiveSegment> segments, long[] scope) {
        Map<UUID, long[]> result = new LinkedHashMap<>();
        if (segments.isEmpty()) {
            return result;
        }
        if (scope != null && scope.length == 0) {
            segments.forEach(s -> result.put(s.id(), new long[0]));
            return result;
        }
        Catalog catalog = segments.get(0).prepared().catalog();
        SegmentExecutor executor = new SegmentExecutor(warehouse, SqlPolicy.forCatalog(catalog));
        List<Object> params = new ArrayList<>();
        String sql = statement(segments, params);
        LongList[] lists = new LongList[segments.size()];
        for (int i = 0; i < lists.length; i++) {
            lists[i] = new LongList();
        }
        int masks = (segments.size() + BITS_PER_MASK - 1) / BITS_PER_MASK;
        SegmentExecutor.ResultReader<Void> reader = rs -> {
            while (rs.next()) {
                long customer = rs.getLong(1);
                for (int m = 0; m < masks; m++) {
                    long mask = rs.getLong(m + 2);
                    while (mask != 0) {
                        int bit = Long.numberOfTrailingZeros(mask);
                        lists[m * BITS_PER_MASK + bit].add(customer);
                        mask &= mask - 1;
                    }
                }
            }
            return null;
        };
        if (scope == null) {
            executor.query(sql, params, reader);
        } else {
            scoped(catalog, segments, scope, executor, sql, params, reader);
        }
        for (int i = 0; i < lists.length; i++) {
            result.put(segments.get(i).id(), lists[i].toArray());
        }
        return result;
    }

    /**
     * The same statement over only the scope's rows: the scope's rows of every table the predicates read are
     * copied into TEMP tables of the same names, which shadow the warehouse's for this connection, and the
     * unchanged statement runs there. Each event table is then scanned once per update, not once per segment
     * that tests one of its events (sub-queries are uncorrelated, so each was a full scan of e.g. 20M
     * web_events); the result is the same because every predicate is per customer (a sub-query keyed by
     * customer id, or a column of the customer's own row), so other customers' rows cannot change it.
     */
    private void scoped(Catalog catalog, List<LiveSegment> segments, long[] scope, SegmentExecutor executor,
                        String sql, List<Object> params, SegmentExecutor.ResultReader<Void> reader) {
        long started = System.nanoTime();
        String ids = java.util.Arrays.stream(scope).distinct().sorted().mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(", "));
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
            String database;
            try (ResultSet rs = statement.executeQuery("SELECT current_database()")) {
                rs.next();
                database = rs.getString(1);
            }
            // one snapshot for all copies
            statement.execute("BEGIN TRANSACTION");
            for (Map.Entry<String, String> table : readTables(catalog, segments).entrySet()) {
                statement.execute("CREATE TEMP TABLE " + Identifiers.quote(table.getKey()) + " AS SELECT * FROM "
                        + Identifiers.quote(database) + ".main." + Identifiers.quote(table.getKey()) + " WHERE "
                        + Identifiers.quote(table.getValue()) + " IN (" + ids + ")");
            }
            statement.execute("COMMIT");
            long copied = System.nanoTime();
            executor.query(connection, sql, params, reader);
            LOG.debug("scoped scan of {} segments for {} customers: copy {} ms, evaluate {} ms", segments.size(),
                    scope.length, (copied - started) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
        } catch (SQLException e) {
            throw new WarehouseException("evaluating " + segments.size() + " segments for " + scope.length
                    + " customers failed: " + e.getMessage(), e);
        }
    }

    /**
     * Table -> customer column, for every table the compiled predicates can read: customer_features, the
     * tables of the events they test (saved segments they reuse included) and the model tables.
     */
    private static Map<String, String> readTables(Catalog catalog, List<LiveSegment> segments) {
        Map<String, String> tables = new java.util.TreeMap<>();
        tables.put("customer_features", "customer_id");
        for (LiveSegment segment : segments) {
            for (String event : segment.dependencies().events()) {
                catalog.event(event).map(EventSpec::table).ifPresent(table -> tables.put(table,
                        catalog.table(table).map(TableSpec::customerKey).orElse("customer_id")));
            }
            for (String table : List.of("model_scores", "cluster_assignments")) {
                if (segment.dependencies().tables().contains(table)) {
                    tables.put(table, "customer_id");
                }
            }
        }
        return tables;
    }

    /** One row per customer in at least one segment: the id, then one bit mask per 62 segments. */
    private String statement(List<LiveSegment> segments, List<Object> params) {
        int masks = (segments.size() + BITS_PER_MASK - 1) / BITS_PER_MASK;
        StringBuilder inner = new StringBuilder("SELECT f.customer_id");
        for (int m = 0; m < masks; m++) {
            inner.append(", (");
            for (int b = 0; b < BITS_PER_MASK && m * BITS_PER_MASK + b < segments.size(); b++) {
                LiveSegment segment = segments.get(m * BITS_PER_MASK + b);
                SqlFragment predicate = pipeline.predicate(segment.prepared().definition().condition(), segment.prepared());
                inner.append(b == 0 ? "" : " + ").append("CASE WHEN ").append(predicate.sql()).append(" THEN ")
                        .append(1L << b).append(" ELSE 0 END");
                params.addAll(predicate.params());
            }
            inner.append(") AS m").append(m);
        }
        inner.append(" FROM customer_features f");
        StringBuilder sql = new StringBuilder("SELECT * FROM (").append(inner).append(") AS scan WHERE ");
        for (int m = 0; m < masks; m++) {
            sql.append(m == 0 ? "" : " OR ").append("m").append(m).append(" <> 0");
        }
        return sql.append(" ORDER BY customer_id").toString();
    }
}
