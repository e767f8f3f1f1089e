package dev.segmentagent.live;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.sqlgen.SegmentExecutor;
import dev.segmentagent.sqlgen.SqlFragment;
import dev.segmentagent.sqlgen.SqlPolicy;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Evaluates many segments in ONE scan of customer_features instead of one query each: every segment's
 * compiled predicate becomes one bit of a BIGINT mask column (62 segments per column), and only customers in
 * at least one segment come back. The statement passes the SQL policy and runs read-only like any segment SQL.
 *
 * <p>Over a scope (the customers new events touched; {@link #members}) the members come back to Java, which is
 * how an event re-evaluates memberships without a full refresh. Over everyone (a full refresh; {@link
 * #evaluateInto}, {@link #evaluateEachInto}) they stay in a TEMP table for {@link MemberSwap} to diff.
 */
@Singleton
class SharedScan {

    static final int BITS_PER_MASK = 62;
    private static final String MASKS = "refresh_masks";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SharedScan.class);

    private final DuckDbWarehouse warehouse;
    private final DefinitionPipeline pipeline;

    SharedScan(DuckDbWarehouse warehouse, DefinitionPipeline pipeline) {
        this.warehouse = warehouse;
        this.pipeline = pipeline;
    }

    /**
     * Over {@code scope} only, on the connection of {@code copies}: the scope's rows of every table the
     * predicates read are copied there (tables copied before, e.g. by the feature update, are reused), and the
     * unchanged statement runs over them. Each event table is thus scanned once per update, not once per
     * segment that tests one of its events (the sub-queries are uncorrelated, so each was a full scan of e.g.
     * 20M web_events). A copy of customer_features made before its rows were updated must be the updated one
     * (the feature rebuild leaves it so, see {@link ScopedCopies#adopt}).
     */
    Map<UUID, long[]> members(List<LiveSegment> segments, long[] scope, ScopedCopies copies) {
        Map<UUID, long[]> result = new LinkedHashMap<>();
        if (segments.isEmpty()) {
            return result;
        }
        if (scope.length == 0) {
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
        try {
            long started = System.nanoTime();
            copies.copy(catalog, readTables(segments));
            long copied = System.nanoTime();
            executor.query(copies.connection(), sql, params, reader);
            LOG.debug("scoped scan of {} segments for {} customers: copy {} ms, evaluate {} ms", segments.size(),
                    scope.length, (copied - started) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
        } catch (SQLException e) {
            throw new WarehouseException("evaluating " + segments.size() + " segments for " + scope.length
                    + " customers failed: " + e.getMessage(), e);
        }
        for (int i = 0; i < lists.length; i++) {
            result.put(segments.get(i).id(), lists[i].toArray());
        }
        return result;
    }

    /**
     * Evaluates {@code segments} over everyone into {@code table}, a TEMP table (tag INTEGER, customer_id BIGINT)
     * of {@code connection}: one row per member, tagged with {@code firstTag} plus the segment's position. The
     * members stay in DuckDB, so a full refresh diffs them there instead of reading millions of ids into Java.
     * One segment runs as in {@link #evaluateEachInto}; several share one scan whose bit masks are unpacked per
     * segment from a TEMP table.
     */
    void evaluateInto(Connection connection, List<LiveSegment> segments, int firstTag, String table) throws SQLException {
        if (segments.isEmpty()) {
            return;
        }
        if (segments.size() == 1) {
            evaluateEachInto(connection, segments, firstTag, table);
            return;
        }
        SegmentExecutor executor = new SegmentExecutor(warehouse, SqlPolicy.forCatalog(segments.get(0).prepared().catalog()));
        List<Object> params = new ArrayList<>();
        String sql = maskStatement(segments, params);
        try (Statement statement = connection.createStatement()) {
            StringBuilder columns = new StringBuilder("customer_id BIGINT");
            for (int m = 0; m < (segments.size() + BITS_PER_MASK - 1) / BITS_PER_MASK; m++) {
                columns.append(", m").append(m).append(" BIGINT");
            }
            statement.execute("CREATE OR REPLACE TEMP TABLE " + MASKS + " (" + columns + ")");
            executor.insertIntoTemp(connection, MASKS, sql, params);
            for (int i = 0; i < segments.size(); i++) {
                // the mask column and bit are our own numbers, not user input
                statement.execute("INSERT INTO temp." + table + " SELECT " + (firstTag + i) + ", customer_id FROM " + MASKS
                        + " WHERE m" + (i / BITS_PER_MASK) + " & " + (1L << (i % BITS_PER_MASK)) + " <> 0");
            }
            statement.execute("DROP TABLE " + MASKS);
        }
    }

    /**
     * Like {@link #evaluateInto}, but one statement per segment (its own predicate in a WHERE clause: columnar
     * filters, parallel), all in one read-only transaction: every segment's rows arrive, or none.
     */
    void evaluateEachInto(Connection connection, List<LiveSegment> segments, int firstTag, String table) throws SQLException {
        eachInto(connection, segments, firstTag, "f.customer_id", table);
    }

    /**
     * Like {@link #evaluateEachInto}, but only each new set's numbers (see {@link MemberFingerprints}) go into
     * {@code table}, a TEMP table (tag INTEGER, size BIGINT, h1 UBIGINT, h2 UBIGINT), one row per segment: the
     * members are counted and hashed where they are found, never stored. Tags run from {@code firstTag} onwards.
     */
    void fingerprintEachInto(Connection connection, List<LiveSegment> segments, int firstTag, String table) throws SQLException {
        eachInto(connection, segments, firstTag, MemberFingerprints.sums("f.customer_id"), table);
    }

    /**
     * One policy-checked statement per segment, {@code SELECT tag, columns FROM customer_features f WHERE
     * predicate}, inserted into the TEMP {@code table} in one read-only transaction; segment {@code i} is tagged
     * {@code firstTag + i}.
     */
    private void eachInto(Connection connection, List<LiveSegment> segments, int firstTag, String columns, String table)
            throws SQLException {
        if (segments.isEmpty()) {
            return;
        }
        List<SegmentExecutor.Query> queries = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            LiveSegment segment = segments.get(i);
            SqlFragment predicate = pipeline.predicate(segment.prepared().definition().condition(), segment.prepared());
            List<Object> params = new ArrayList<>();
            params.add(firstTag + i);
            params.addAll(predicate.params());
            queries.add(new SegmentExecutor.Query("SELECT CAST(? AS INTEGER) AS tag, " + columns
                    + " FROM customer_features f WHERE " + predicate.sql(), params));
        }
        new SegmentExecutor(warehouse, SqlPolicy.forCatalog(segments.get(0).prepared().catalog()))
                .insertIntoTemp(connection, table, queries);
    }

    /**
     * Every table the compiled predicates can read: customer_features, the tables of the events they test
     * (saved segments they reuse included) and the model tables they use.
     */
    private static Set<String> readTables(List<LiveSegment> segments) {
        Set<String> tables = new java.util.TreeSet<>();
        tables.add("customer_features");
        for (LiveSegment segment : segments) {
            Catalog catalog = segment.prepared().catalog();
            for (String event : segment.dependencies().events()) {
                catalog.event(event).map(EventSpec::table).ifPresent(tables::add);
            }
            for (String table : List.of("model_scores", "cluster_assignments")) {
                if (segment.dependencies().tables().contains(table)) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    /** One row per customer in at least one segment: the id, then one bit mask per 62 segments, in id order. */
    private String statement(List<LiveSegment> segments, List<Object> params) {
        return maskStatement(segments, params) + " ORDER BY customer_id";
    }

    private String maskStatement(List<LiveSegment> segments, List<Object> params) {
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
        return sql.toString();
    }
}
