package dev.segmentagent.features;

import dev.segmentagent.catalog.FeatureBuilder;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;
import dev.segmentagent.warehouse.WarehouseFacts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The behaviour the clustering looks at, per customer: how often they buy, the habits that tell shoppers apart
 * (weekend, discount, premium, browsing per order) and the timing of their orders (a single purchase long ago,
 * a quarterly rhythm, how overdue the next order is against the customer's own usual gap). Counts are
 * log-scaled before standardising, so one big spender does not stretch a whole axis.
 *
 * <p>Why the timing features: without them one-time, seasonal and fading customers look alike on recency and
 * frequency and fall into one cluster. Why shares are shrunk towards the population rate (with a few pseudo
 * orders): a share measured on one or two orders is 0 or 1 by chance, and k-means would split ordinary
 * customers by that noise. No feature reads the generator's planted personas.
 */
final class BehaviourFeatures {

    /** One clustering input: how it is computed per customer, and whether it is log-scaled. */
    record Feature(String name, String sql, boolean log) {}

    /** Pseudo orders (sessions, lines, gaps) of the population rate added to each customer's own counts. */
    static final double PSEUDO_COUNT = 6.0;
    /** A gap "about a quarter long": within this many days of 1, 2 or 3 quarters (91.3 days each). */
    static final double QUARTER_TOLERANCE_DAYS = 15.0;

    static final List<Feature> FEATURES = List.of(
            new Feature("orders_365d", "COALESCE(f.orders_365d, 0)", true),
            new Feature("single_order_lapsed",
                    "CASE WHEN f.orders_count = 1 THEN LEAST(COALESCE(f.days_since_last_order, 0) / 180.0, 1) ELSE 0 END", false),
            new Feature("weekend_order_share", shrunk("f.weekend_orders_365d", "f.orders_365d", PSEUDO_COUNT), false),
            new Feature("weekend_session_share", shrunk("f.weekend_sessions_90d", "f.sessions_90d", PSEUDO_COUNT), false),
            new Feature("discount_share", shrunk("f.discounted_orders_365d", "f.orders_365d", PSEUDO_COUNT), false),
            new Feature("premium_share", shrunk("f.premium_lines_365d", "f.order_lines_365d", PSEUDO_COUNT), false),
            new Feature("views_per_order", "COALESCE(f.product_views_90d, 0) / (COALESCE(f.orders_90d, 0) + 1.0)", true),
            new Feature("quarterly_rhythm", shrunk("t.quarter_gaps", "t.long_gaps", 3.0), false),
            new Feature("overdue_factor",
                    "CASE WHEN t.orders >= 2 THEN COALESCE(f.days_since_last_order, 0) / GREATEST(t.mean_gap, 7) ELSE 1 END", true));

    /**
     * Order timing per customer from the orders before as-of: gaps between consecutive orders, how many are
     * "long" (two weeks or more, i.e. not a second order in the same shopping spree) and how many of those
     * are about one, two or three quarters long.
     */
    private static final String TIMING_SQL = """
            WITH o AS (
                SELECT customer_id,
                       (epoch(ordered_at) - lag(epoch(ordered_at)) OVER (PARTITION BY customer_id ORDER BY ordered_at)) / 86400.0 AS gap
                FROM orders WHERE ordered_at < ?)
            SELECT customer_id, count(*) AS orders, avg(gap) AS mean_gap,
                   count(*) FILTER (WHERE gap >= 14) AS long_gaps,
                   count(*) FILTER (WHERE gap >= 14 AND gap < 290 AND abs(gap - 91.3 * round(gap / 91.3)) <= %s) AS quarter_gaps
            FROM o GROUP BY customer_id""".formatted(QUARTER_TOLERANCE_DAYS);

    /** Raw values (original units) of every customer, and their ids, ordered by id. */
    record Table(long[] ids, double[][] raw) {}

    private BehaviourFeatures() {
    }

    static List<String> names() {
        return FEATURES.stream().map(Feature::name).toList();
    }

    /** (hits + a * population rate) / (trials + a): the customer's own rate, pulled to the base when trials are few. */
    private static String shrunk(String hits, String trials, double pseudo) {
        String prior = "(sum(COALESCE(%s, 0)) OVER () / GREATEST(sum(COALESCE(%s, 0)) OVER (), 1))".formatted(hits, trials);
        return "(COALESCE(%s, 0) + %s * %s) / (COALESCE(%s, 0) + %s)".formatted(hits, pseudo, prior, trials, pseudo);
    }

    static String sql() {
        StringBuilder sql = new StringBuilder("WITH t AS (").append(TIMING_SQL).append(") SELECT f.customer_id");
        for (Feature f : FEATURES) {
            sql.append(", CAST(").append(f.sql()).append(" AS DOUBLE)");
        }
        return sql.append(" FROM customer_features f LEFT JOIN t ON t.customer_id = f.customer_id ORDER BY f.customer_id")
                .toString();
    }

    static Table read(DuckDbWarehouse warehouse) {
        // the timing features describe the same moment as customer_features: orders after it do not count
        WarehouseFacts facts = new WarehouseFacts(warehouse);
        Instant asOf = facts.get(FeatureBuilder.AS_OF_KEY).map(Instant::parse).orElseGet(facts::asOf);
        int n = count(warehouse);
        long[] ids = new long[n];
        double[][] rows = new double[n][];
        int i = 0;
        try (Connection connection = warehouse.connection(); PreparedStatement statement = connection.prepareStatement(sql())) {
            statement.setObject(1, TrainingSets.utc(asOf));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next() && i < n) {
                    ids[i] = rs.getLong(1);
                    double[] row = new double[FEATURES.size()];
                    for (int j = 0; j < row.length; j++) {
                        row[j] = rs.getDouble(j + 2);
                    }
                    rows[i++] = row;
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading behaviour features failed: " + e.getMessage(), e);
        }
        return new Table(Arrays.copyOf(ids, i), Arrays.copyOf(rows, i));
    }

    private static int count(DuckDbWarehouse warehouse) {
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM customer_features")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new WarehouseException("counting customers failed: " + e.getMessage(), e);
        }
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
