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

        int sampleLimit = Math.max(0, Math.min(sampleSize, MAX_SAMPLE));
        FunnelScan scan = funnelScan(prepared, plan, sampleLimit);
        long[] counts = scan.counts();
        long base = counts[0];
        long total = counts[counts.length - 1];
        SegmentExplainer explainer = new SegmentExplainer(catalog, prepared.compileContext().segments());
        List<Preview.FunnelStep> funnel = funnelSteps(plan, counts, explainer);

        List<String> sampleFields = UsedFields.displayable(prepared.definition().condition(), catalog);
        List<Map<String, Object>> sample = sample(prepared, sampleFields, scan.sampleIds());

        return new Preview(total, base, base == 0 ? 0.0 : (double) total / base,
                explainer.explain(prepared.definition()), funnel, sampleFields, sample,
                prepared.validation().warnings(), prepared.asOf(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * [base, step 1, ..., step n, total]: the last entry is the whole definition's count. Each step's condition
     * is evaluated once, as a boolean column of an inner scan; the counts only combine those columns, so an
     * expensive event condition is not re-run for every cumulative step and again for the total. The same scan
     * picks the sample (the members with the smallest id hashes: stable and spread out), so the sample needs
     * no second evaluation of the definition.
     *
     * <p>Where every count needs the first step to hold (an "and" funnel, a single condition), the first step
     * is the inner scan's WHERE and the later steps are evaluated only for the customers that passed it, as a
     * funnel narrows: at 1M customers an event condition costs mostly its hash probe per customer, and this
     * skips the probes for everyone the first step already dropped. The base is counted on its own.
     */
    private FunnelScan funnelScan(PreparedDefinition prepared, FunnelPlan plan, int sampleLimit) {
        int steps = plan.steps().size();
        boolean firstStepFilters = plan.kind() != FunnelPlan.Kind.EACH_OR_BRANCH;
        StringBuilder inner = new StringBuilder("SELECT f.customer_id");
        List<Object> innerParams = new ArrayList<>();
        SqlFragment filter = null;
        for (int i = 0; i < steps; i++) {
            SqlFragment fragment = pipeline.predicate(plan.steps().get(i), prepared);
            if (i == 0 && firstStepFilters) {
                filter = fragment;
                inner.append(", TRUE AS ").append(FunnelPlan.column(i));
                continue;
            }
            inner.append(", (").append(fragment.sql()).append(") AS ").append(FunnelPlan.column(i));
            innerParams.addAll(fragment.params());
        }
        inner.append(" FROM customer_features f");
        if (filter != null) {
            inner.append(" WHERE (").append(filter.sql()).append(')');
            innerParams.addAll(filter.params());
        }
        // bind order follows the text: the outer select list (sample size) comes before the inner scan
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(firstStepFilters
                ? "SELECT (SELECT count(*) FROM customer_features)" : "SELECT count(*)");
        for (int i = 0; i < steps; i++) {
            sql.append(", count(*) FILTER (WHERE ").append(plan.stepExpression(i)).append(')');
        }
        sql.append(", count(*) FILTER (WHERE ").append(plan.totalExpression()).append(')');
        if (sampleLimit > 0) {
            sql.append(", arg_min(customer_id, hash(customer_id), ?) FILTER (WHERE ")
                    .append(plan.totalExpression()).append(')');
            params.add(sampleLimit);
        }
        sql.append(" FROM (").append(inner).append(") AS steps");
        params.addAll(innerParams);
        return queries.query(prepared.catalog(), sql.toString(), params, rs -> {
            rs.next();
            long[] counts = new long[steps + 2];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rs.getLong(i + 1);
            }
            List<Long> sampleIds = new ArrayList<>();
            if (sampleLimit > 0) {
                java.sql.Array ids = rs.getArray(counts.length + 1);
                if (ids != null) {
                    for (Object id : (Object[]) ids.getArray()) {
                        sampleIds.add(((Number) id).longValue());
                    }
                }
            }
            return new FunnelScan(counts, sampleIds);
        });
    }

    private record FunnelScan(long[] counts, List<Long> sampleIds) {}

    private List<Preview.FunnelStep> funnelSteps(FunnelPlan plan, long[] counts, SegmentExplainer explainer) {
        List<Preview.FunnelStep> steps = new ArrayList<>();
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

    private List<Map<String, Object>> sample(PreparedDefinition prepared, List<String> fields, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT f.customer_id");
        for (String field : fields) {
            sql.append(", f.").append(dev.segmentagent.sqlgen.Identifiers.quote(field));
        }
        sql.append(" FROM customer_features f WHERE f.customer_id IN (")
                .append(String.join(", ", java.util.Collections.nCopies(ids.size(), "?")))
                .append(") ORDER BY hash(f.customer_id), f.customer_id");
        return queries.query(prepared.catalog(), sql.toString(), new ArrayList<>(ids), PreviewService::rows);
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
