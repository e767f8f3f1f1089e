package dev.segmentagent.preview;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.SegmentExplainer;
import dev.segmentagent.sqlgen.SqlFragment;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Count, funnel and sample for a prepared definition, in two read-only queries: one scan computes the base
 * and every funnel step with {@code count(*) FILTER (...)}, one fetches a stable sample.
 */
@Singleton
public class PreviewService {

    public static final int MAX_SAMPLE = 100;

    private final DefinitionPipeline pipeline;
    private final PolicedQueries queries;

    PreviewService(DefinitionPipeline pipeline, PolicedQueries queries) {
        this.pipeline = pipeline;
        this.queries = queries;
    }

    public Preview preview(PreparedDefinition prepared, int sampleSize) {
        long started = System.nanoTime();
        Catalog catalog = prepared.catalog();
        FunnelPlan plan = FunnelPlan.of(prepared.definition().condition());

        long[] counts = funnelCounts(prepared, plan);
        long base = counts[0];
        long total = counts[counts.length - 1];
        List<Preview.FunnelStep> funnel = funnelSteps(plan, counts, catalog);

        List<String> sampleFields = UsedFields.displayable(prepared.definition().condition(), catalog);
        List<Map<String, Object>> sample = sample(prepared, sampleFields, Math.max(0, Math.min(sampleSize, MAX_SAMPLE)));

        return new Preview(total, base, base == 0 ? 0.0 : (double) total / base,
                new SegmentExplainer(catalog).explain(prepared.definition()), funnel, sampleFields, sample,
                prepared.validation().warnings(), prepared.asOf(), (System.nanoTime() - started) / 1_000_000);
    }

    /** [base, step 1, ..., step n, total]: the last entry is the whole definition's count. */
    private long[] funnelCounts(PreparedDefinition prepared, FunnelPlan plan) {
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            appendFilteredCount(sql, params, prepared, plan.conditionsAt(i));
        }
        appendFilteredCount(sql, params, prepared, List.of(prepared.definition().condition()));
        sql.append(" FROM customer_features f");
        return queries.query(prepared.catalog(), sql.toString(), params, rs -> {
            rs.next();
            long[] counts = new long[plan.steps().size() + 2];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rs.getLong(i + 1);
            }
            return counts;
        });
    }

    private void appendFilteredCount(StringBuilder sql, List<Object> params, PreparedDefinition prepared,
                                     List<Condition> conditions) {
        sql.append(", count(*) FILTER (WHERE ");
        for (int i = 0; i < conditions.size(); i++) {
            SqlFragment fragment = pipeline.predicate(conditions.get(i), prepared);
            sql.append(i == 0 ? "" : " AND ").append('(').append(fragment.sql()).append(')');
            params.addAll(fragment.params());
        }
        sql.append(')');
    }

    private List<Preview.FunnelStep> funnelSteps(FunnelPlan plan, long[] counts, Catalog catalog) {
        List<Preview.FunnelStep> steps = new ArrayList<>();
        SegmentExplainer explainer = new SegmentExplainer(catalog);
        long previous = counts[0];
        for (int i = 0; i < plan.steps().size(); i++) {
            long count = counts[i + 1];
            long reference = plan.kind() == FunnelPlan.Kind.CUMULATIVE_AND ? previous : counts[0];
            steps.add(new Preview.FunnelStep(explainer.phrase(plan.steps().get(i), false), count,
                    reference == 0 ? 0.0 : (double) count / reference));
            previous = count;
        }
        return steps;
    }

    private List<Map<String, Object>> sample(PreparedDefinition prepared, List<String> fields, int size) {
        if (size == 0) {
            return List.of();
        }
        SqlFragment where = pipeline.predicate(prepared.definition().condition(), prepared);
        StringBuilder sql = new StringBuilder("SELECT f.customer_id");
        for (String field : fields) {
            sql.append(", f.").append(dev.segmentagent.sqlgen.Identifiers.quote(field));
        }
        // hash order: a stable, spread-out sample rather than the lowest ids
        sql.append(" FROM customer_features f WHERE ").append(where.sql())
                .append(" ORDER BY hash(f.customer_id), f.customer_id LIMIT ?");
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        return queries.query(prepared.catalog(), sql.toString(), params, PreviewService::rows);
    }

    static List<Map<String, Object>> rows(ResultSet rs) throws java.sql.SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                row.put(meta.getColumnLabel(c), JsonValues.of(rs.getObject(c)));
            }
            rows.add(row);
        }
        return rows;
    }
}
