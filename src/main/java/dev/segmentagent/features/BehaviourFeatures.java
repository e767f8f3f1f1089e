package dev.segmentagent.features;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The behaviour the clustering looks at, per customer, read from customer_features: recency, frequency and
 * value, plus the habits that tell shoppers apart (weekend share, discount share, premium share, browsing per
 * order, engagement, trend). Counts and money are log-scaled before standardising, so one big spender does not
 * stretch a whole axis. Missing shares (no orders) count as 0: a customer with no orders has no weekend orders.
 */
final class BehaviourFeatures {

    /** One clustering input: how it is computed from customer_features, and how it reads in a persona. */
    record Feature(String name, String sql, boolean log) {}

    // Fixed SQL over catalog fields that exist in schema-catalog/fields (orders, web, email, products).
    static final List<Feature> FEATURES = List.of(
            new Feature("orders_365d", "COALESCE(orders_365d, 0)", true),
            new Feature("orders_lifetime", "COALESCE(orders_count, 0)", true),
            new Feature("one_time", "CASE WHEN orders_count = 1 THEN 1 ELSE 0 END", false),
            new Feature("days_since_last_order", "LEAST(COALESCE(days_since_last_order, days_since_signup, 730), 730)", false),
            new Feature("weekend_order_share", "COALESCE(weekend_order_share_365d, 0)", false),
            new Feature("weekend_session_share", "COALESCE(weekend_session_share_90d, 0)", false),
            new Feature("discount_share", "COALESCE(discount_share_365d, 0)", false),
            new Feature("premium_share", "COALESCE(premium_line_share_365d, 0)", false),
            new Feature("views_per_order", "COALESCE(product_views_90d, 0) / (COALESCE(orders_90d, 0) + 1.0)", true));

    /** Raw values (original units) of every customer, and their ids, ordered by id. */
    record Table(long[] ids, double[][] raw) {}

    private BehaviourFeatures() {
    }

    static List<String> names() {
        return FEATURES.stream().map(Feature::name).toList();
    }

    static Table read(DuckDbWarehouse warehouse) {
        StringBuilder sql = new StringBuilder("SELECT customer_id");
        for (Feature f : FEATURES) {
            sql.append(", CAST(").append(f.sql()).append(" AS DOUBLE)");
        }
        sql.append(" FROM customer_features ORDER BY customer_id");
        List<Long> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql.toString())) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
                double[] row = new double[FEATURES.size()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = rs.getDouble(j + 2);
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading behaviour features failed: " + e.getMessage(), e);
        }
        return new Table(ids.stream().mapToLong(Long::longValue).toArray(), rows.toArray(double[][]::new));
    }

    /** Standardisation learnt on the training data: log where asked, then z-score. Stored with the model. */
    record Scaler(double[] means, double[] sds) {

        static Scaler fit(double[][] raw) {
            int d = FEATURES.size();
            double[] means = new double[d];
            double[] sds = new double[d];
            for (double[] row : raw) {
                for (int j = 0; j < d; j++) {
                    means[j] += transform(j, row[j]);
                }
            }
            for (int j = 0; j < d; j++) {
                means[j] /= Math.max(1, raw.length);
            }
            for (double[] row : raw) {
                for (int j = 0; j < d; j++) {
                    double diff = transform(j, row[j]) - means[j];
                    sds[j] += diff * diff;
                }
            }
            for (int j = 0; j < d; j++) {
                sds[j] = Math.sqrt(sds[j] / Math.max(1, raw.length - 1));
                if (sds[j] == 0) {
                    sds[j] = 1; // a constant feature stays 0 after centring
                }
            }
            return new Scaler(means, sds);
        }

        double[] apply(double[] row) {
            double[] z = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                z[j] = (transform(j, row[j]) - means[j]) / sds[j];
            }
            return z;
        }

        private static double transform(int j, double value) {
            return FEATURES.get(j).log() ? Math.log1p(Math.max(0, value)) : value;
        }
    }
}
