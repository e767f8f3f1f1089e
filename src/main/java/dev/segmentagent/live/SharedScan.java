package dev.segmentagent.live;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.sqlgen.SegmentExecutor;
import dev.segmentagent.sqlgen.SqlFragment;
import dev.segmentagent.sqlgen.SqlPolicy;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import jakarta.inject.Singleton;

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
    private static final int MAX_SCOPE_PARAMS = 2_000;

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
        if (scope != null && scope.length > MAX_SCOPE_PARAMS) {
            // bound the statement's size: evaluate large scopes in slices and stitch the sorted slices
            Map<UUID, LongList> stitched = new LinkedHashMap<>();
            segments.forEach(s -> stitched.put(s.id(), new LongList()));
            for (int from = 0; from < scope.length; from += MAX_SCOPE_PARAMS) {
                long[] slice = java.util.Arrays.copyOfRange(scope, from, Math.min(scope.length, from + MAX_SCOPE_PARAMS));
                members(segments, slice).forEach((id, ids) -> {
                    for (long customer : ids) {
                        stitched.get(id).add(customer);
                    }
                });
            }
            stitched.forEach((id, ids) -> result.put(id, ids.toArray()));
            return result;
        }
        Catalog catalog = segments.get(0).prepared().catalog();
        int masks = (segments.size() + BITS_PER_MASK - 1) / BITS_PER_MASK;
        List<Object> params = new ArrayList<>();
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
        if (scope != null) {
            if (scope.length == 0) {
                segments.forEach(s -> result.put(s.id(), new long[0]));
                return result;
            }
            inner.append(" WHERE f.customer_id IN (");
            for (int i = 0; i < scope.length; i++) {
                inner.append(i == 0 ? "?" : ", ?");
                params.add(scope[i]);
            }
            inner.append(")");
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM (").append(inner).append(") AS scan WHERE ");
        for (int m = 0; m < masks; m++) {
            sql.append(m == 0 ? "" : " OR ").append("m").append(m).append(" <> 0");
        }
        sql.append(" ORDER BY customer_id");

        LongList[] lists = new LongList[segments.size()];
        for (int i = 0; i < lists.length; i++) {
            lists[i] = new LongList();
        }
        new SegmentExecutor(warehouse, SqlPolicy.forCatalog(catalog)).query(sql.toString(), params, rs -> {
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
        });
        for (int i = 0; i < lists.length; i++) {
            result.put(segments.get(i).id(), lists[i].toArray());
        }
        return result;
    }
}
