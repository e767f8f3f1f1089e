package dev.segmentagent.features;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.live.SegmentService;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreparedDefinition;
import dev.segmentagent.sqlgen.SegmentExecutor;
import dev.segmentagent.sqlgen.SqlFragment;
import dev.segmentagent.sqlgen.SqlPolicy;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Does a segment deliver what its name promises? Its members' churn, revenue and purchase propensity next to
 * the whole customer base, so "Premium Loyalists" can be seen to spend more (or not).
 *
 * <p>Two churn figures, because they answer different questions: {@code lapsedRate} is observed (share of
 * members who have bought before and placed no order in the last 90 days, from the data); {@code churnRiskMean}
 * is predicted (mean churn_risk of the active churn model; null until it has been trained).
 */
@Singleton
public class SegmentOutcomes {

    // Fixed text around the compiled predicate; catalog fields only, run read-only under the SQL policy.
    private static final String SQL = """
            SELECT count(*),
                   avg(CASE WHEN f.orders_count > 0 THEN CASE WHEN f.days_since_last_order >= 90 THEN 1.0 ELSE 0.0 END END),
                   avg(f.churn_risk),
                   avg(COALESCE(f.revenue_365d, 0)),
                   avg(COALESCE(f.revenue_total, 0)),
                   avg(f.purchase_propensity_30d),
                   avg(CASE WHEN f.orders_30d > 0 THEN 1.0 ELSE 0.0 END)
            FROM customer_features f WHERE %s""";

    private final DefinitionPipeline pipeline;
    private final SegmentService segments;
    private final DuckDbWarehouse warehouse;

    SegmentOutcomes(DefinitionPipeline pipeline, SegmentService segments, DuckDbWarehouse warehouse) {
        this.pipeline = pipeline;
        this.segments = segments;
        this.warehouse = warehouse;
    }

    /** Figures of one group of customers. Averages are null when the group is empty or the model untrained. */
    public record Figures(long customers, Double lapsedRate, Double churnRiskMean, Double revenuePerCustomer365d,
                          Double revenuePerCustomerLifetime, Double purchasePropensityMean, Double boughtLast30dRate) {}

    public record Report(String segmentId, Instant asOf, Figures segment, Figures base,
                         Map<String, Double> ratioToBase, List<String> notes) {}

    public Report forDefinition(JsonNode definition) {
        return report(pipeline.prepare(definition, null, null), null);
    }

    public Report forSegment(UUID id) {
        JsonNode definition = segments.get(id, null).definition(); // current version; 404 when unknown
        return report(pipeline.prepare(definition, null, id.toString()), id.toString());
    }

    private Report report(PreparedDefinition prepared, String segmentId) {
        SegmentExecutor executor = new SegmentExecutor(warehouse, SqlPolicy.forCatalog(prepared.catalog()));
        SqlFragment where = pipeline.predicate(prepared.definition().condition(), prepared);
        Figures segment = executor.query(SQL.formatted(where.sql()), where.params(), SegmentOutcomes::figures);
        Figures base = executor.query(SQL.formatted("TRUE"), List.of(), SegmentOutcomes::figures);
        Map<String, Double> ratio = new LinkedHashMap<>();
        ratio.put("lapsedRate", ratio(segment.lapsedRate(), base.lapsedRate()));
        ratio.put("churnRiskMean", ratio(segment.churnRiskMean(), base.churnRiskMean()));
        ratio.put("revenuePerCustomer365d", ratio(segment.revenuePerCustomer365d(), base.revenuePerCustomer365d()));
        ratio.put("purchasePropensityMean", ratio(segment.purchasePropensityMean(), base.purchasePropensityMean()));
        return new Report(segmentId, prepared.asOf(), segment, base, ratio, List.of(
                "lapsedRate is observed: share of customers who have ordered before and placed no order in the last 90 days",
                "churnRiskMean is predicted: mean churn_risk of the active churn model (null before it is trained)",
                "purchasePropensityMean is predicted by the active purchase_propensity model; boughtLast30dRate is observed",
                "revenue is net of discounts, from completed orders"));
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        rs.next();
        return new Figures(rs.getLong(1), number(rs, 2), number(rs, 3), number(rs, 4), number(rs, 5), number(rs, 6),
                number(rs, 7));
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Double ratio(Double segment, Double base) {
        return segment == null || base == null || base == 0 ? null : segment / base;
    }
}
