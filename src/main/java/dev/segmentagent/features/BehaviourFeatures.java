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
 * (weekend, discount, premium over the whole history, browsing per order), whether they still read emails, and
 * the timing of their orders (a single purchase long ago, a quarterly rhythm, how overdue the next order is
 * against the customer's own usual gap). Counts are log-scaled before standardising, so one big spender does
 * not stretch a whole axis.
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

    /** Pseudo gaps of the population's mean gap added to a customer's own gaps before judging how overdue they are. */
    static final double PSEUDO_GAPS = 3.0;

    static final List<Feature> FEATURES = List.of(
            new Feature("orders_365d", "COALESCE(f.orders_365d, 0)", true),
            new Feature("single_order_lapsed",
                    "CASE WHEN f.orders_count = 1 THEN LEAST(COALESCE(f.days_since_last_order, 0) / 180.0, 1) ELSE 0 END", false),
            new Feature("weekend_order_share", shrunk("h.weekend_orders", "h.orders", PSEUDO_COUNT), false),
            new Feature("weekend_session_share", shrunk("s.weekend_sessions", "s.sessions", PSEUDO_COUNT), false),
            new Feature("discount_share", shrunk("h.discounted_orders", "h.orders", PSEUDO_COUNT), false),
            new Feature("premium_share", shrunk("i.premium_lines", "i.lines", PSEUDO_COUNT), false),
            new Feature("views_per_order", "COALESCE(f.product_views_90d, 0) / (COALESCE(f.orders_90d, 0) + 1.0)", true),
            new Feature("quarterly_rhythm", shrunk("t.quarter_gaps", "t.long_gaps", 3.0), false),
            new Feature("overdue_factor",
                    "CASE WHEN t.orders >= 2 THEN COALESCE(f.days_since_last_order, 0) / GREATEST(" + shrunkGap() + ", 7) ELSE 1 END", true),
            new Feature("email_open_rate", shrunk("f.emails_opened_90d", "f.emails_sent_90d", PSEUDO_COUNT), false));

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
            SELECT customer_id, count(*) AS orders, avg(gap) AS mean_gap, sum(gap) AS gap_sum, count(gap) AS gaps,
                   count(*) FILTER (WHERE gap >= 14) AS long_gaps,
                   count(*) FILTER (WHERE gap >= 14 AND gap < 290 AND abs(gap - 91.3 * round(gap / 91.3)) <= %s) AS quarter_gaps
            FROM o GROUP BY customer_id""".formatted(QUARTER_TOLERANCE_DAYS);

    /**
     * Habits over the whole history before as-of, not the catalog's 365-day and 90-day windows: a habit is
     * steadier the more orders and visits it is measured on (the 365-day shares left many ordinary customers
     * looking like weekend or discount shoppers by chance; ARI vs the planted personas 0.469 -> 0.502 at 50k).
     * Every order counts, whatever its status: where and how someone orders is the habit, not whether it shipped.
     */
    private static final String HABITS_SQL = """
            h AS (SELECT customer_id, count(*) AS orders,
                         count(*) FILTER (WHERE isodow(ordered_at) IN (6, 7)) AS weekend_orders,
                         count(*) FILTER (WHERE discount_amount > 0) AS discounted_orders
                  FROM orders WHERE ordered_at < ? GROUP BY customer_id),
            i AS (SELECT customer_id, count(*) AS lines, count(*) FILTER (WHERE brand_tier = 'premium') AS premium_lines
                  FROM order_items WHERE ordered_at < ? GROUP BY customer_id),
            s AS (SELECT customer_id, count(*) AS sessions,
                         count(*) FILTER (WHERE isodow(occurred_at) IN (6, 7)) AS weekend_sessions
                  FROM web_events WHERE event_type = 'session_start' AND occurred_at < ? GROUP BY customer_id)""";

    /** Placeholders in {@link #sql()}: every one is the features' as-of. */
    static final int AS_OF_PARAMETERS = 4;

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

    /**
     * The customer's usual gap between orders, pulled towards the population's with {@link #PSEUDO_GAPS} gaps:
     * a gap measured on two or three orders is mostly chance, and "overdue" against it split steady buyers.
     */
    private static String shrunkGap() {
        String prior = "(sum(COALESCE(t.gap_sum, 0)) OVER () / GREATEST(sum(COALESCE(t.gaps, 0)) OVER (), 1))";
        return "((COALESCE(t.gap_sum, 0) + %s * %s) / (COALESCE(t.gaps, 0) + %s))".formatted(PSEUDO_GAPS, prior, PSEUDO_GAPS);
    }

    static String sql() {
        StringBuilder sql = new StringBuilder("WITH t AS (").append(TIMING_SQL).append("), ").append(HABITS_SQL)
                .append(" SELECT f.customer_id");
        for (Feature f : FEATURES) {
            sql.append(", CAST(").append(f.sql()).append(" AS DOUBLE)");
        }
        return sql.append(" FROM customer_features f LEFT JOIN t ON t.customer_id = f.customer_id")
                .append(" LEFT JOIN h ON h.customer_id = f.customer_id LEFT JOIN i ON i.customer_id = f.customer_id")
                .append(" LEFT JOIN s ON s.customer_id = f.customer_id ORDER BY f.customer_id")
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
            for (int p = 1; p <= AS_OF_PARAMETERS; p++) {
                statement.setObject(p, TrainingSets.utc(asOf));
            }
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
