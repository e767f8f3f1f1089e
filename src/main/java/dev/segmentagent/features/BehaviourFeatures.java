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
 * (weekend, discount, premium, browsing per order, all over the whole history), whether they still read emails,
 * and the timing of their orders and visits (a single purchase long ago, orders that fall at the same point of
 * every quarter, activity that has faded against the customer's own usual rate). Counts are log-scaled before
 * standardising, so one big spender does not stretch a whole axis.
 *
 * <p>Why the timing features: without them one-time, seasonal and fading customers look alike on recency and
 * frequency and fall into one cluster. Why shares are shrunk towards the population rate (with a few pseudo
 * orders): a share measured on one or two orders is 0 or 1 by chance, and k-means would split ordinary
 * customers by that noise. No feature reads the generator's planted personas.
 */
final class BehaviourFeatures {

    /** One clustering input: how it is computed per customer, and whether it is log-scaled. */
    record Feature(String name, String sql, boolean log) {}

    /** Pseudo orders (sessions, lines) of the population rate added to each customer's own counts. */
    static final double PSEUDO_COUNT = 6.0;
    /** The period of the seasonal rhythm: a quarter, in days. */
    static final double QUARTER_DAYS = 91.3;
    /** Pseudo pairs of orders (with no common phase) added when judging whether orders share a point in the quarter. */
    static final double PSEUDO_PAIRS = 6.0;
    /**
     * Frequency is completed orders per year of tenure, the tenure taken as at least this many days: orders in the
     * last 365 days read a customer who joined in spring as half as frequent as an equal one who joined years ago.
     */
    static final int MIN_TENURE_DAYS = 30;
    /** The recent window of {@code activity_fade}, in days. */
    static final int RECENT_DAYS = 180;

    static final List<Feature> FEATURES = List.of(
            new Feature("orders_per_year", "COALESCE(f.orders_count, 0) * 365.25 / GREATEST(COALESCE(f.days_since_signup, 0), "
                    + MIN_TENURE_DAYS + ")", true),
            new Feature("single_order_lapsed",
                    "CASE WHEN f.orders_count = 1 THEN LEAST(COALESCE(f.days_since_last_order, 0) / 180.0, 1) ELSE 0 END", false),
            new Feature("weekend_order_share", shrunk("h.weekend_orders", "h.orders", PSEUDO_COUNT), false),
            new Feature("weekend_session_share", shrunk("s.weekend_sessions", "s.sessions", PSEUDO_COUNT), false),
            new Feature("discount_share", shrunk("h.discounted_orders", "h.orders", PSEUDO_COUNT), false),
            new Feature("premium_share", shrunk("i.premium_lines", "i.lines", PSEUDO_COUNT), false),
            new Feature("views_per_order", "COALESCE(s.product_views, 0) / (COALESCE(h.orders, 0) + 1.0)", true),
            new Feature("seasonal_rhythm",
                    "CASE WHEN t.orders >= 2 THEN (t.phase_cos * t.phase_cos + t.phase_sin * t.phase_sin - t.orders)"
                            + " / (t.orders * (t.orders - 1.0) + " + PSEUDO_PAIRS + ") ELSE 0 END", false),
            new Feature("activity_fade",
                    "ln((COALESCE(a.recent, 0) + 1.0) / (COALESCE(a.signs, 0) * LEAST(" + RECENT_DAYS
                            + ", GREATEST(COALESCE(f.days_since_signup, 0), 1)) / GREATEST(COALESCE(f.days_since_signup, 0), 1) + 1.0))", false),
            new Feature("email_open_rate", shrunk("f.emails_opened_90d", "f.emails_sent_90d", PSEUDO_COUNT), false));

    /**
     * Order timing per customer from the orders before as-of: how many, and the sum of each order's point in the
     * quarter as a unit vector (angle 2 pi t / quarter). For n orders at random points |sum|^2 is about n; for
     * orders at the same point of every quarter it nears n^2, so (|sum|^2 - n) / (n (n - 1)) estimates how
     * tightly the orders share a phase (the squared mean resultant length of circular statistics), 0 for
     * no rhythm. A gap-length rule ("gaps about a quarter long") was noisier: any buyer with a 60-day mean gap
     * has many gaps near 91 or 182 days by chance.
     */
    private static final String TIMING_SQL = """
            SELECT customer_id, count(*) AS orders,
                   sum(cos(2 * pi() * epoch(ordered_at) / (86400.0 * %1$s))) AS phase_cos,
                   sum(sin(2 * pi() * epoch(ordered_at) / (86400.0 * %1$s))) AS phase_sin
            FROM orders WHERE ordered_at < ? GROUP BY customer_id""".formatted(QUARTER_DAYS);

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
            s AS (SELECT customer_id, count(*) FILTER (WHERE event_type = 'session_start') AS sessions,
                         count(*) FILTER (WHERE event_type = 'session_start' AND isodow(occurred_at) IN (6, 7)) AS weekend_sessions,
                         count(*) FILTER (WHERE event_type = 'product_view') AS product_views
                  FROM web_events WHERE event_type IN ('session_start', 'product_view') AND occurred_at < ? GROUP BY customer_id)""";

    /**
     * Signs of life per customer before as-of (orders, visits, email opens, SMS clicks): all of them and those in
     * the last {@link #RECENT_DAYS} days. {@code activity_fade} compares the recent count with what the
     * customer's own rate over their tenure predicts, ln((recent + 1) / (expected + 1)): about 0 for a steady
     * customer, far below 0 for one whose activity has died away. It replaced "days since the last order over
     * the usual gap", which took slow steady buyers for fading ones and missed fading ones whose last order
     * was long ago but who had bought rarely; activity of every kind is more evidence than orders alone.
     */
    private static final String ACTIVITY_SQL = """
            a AS (SELECT customer_id, count(*) AS signs, count(*) FILTER (WHERE seen_at >= CAST(? AS TIMESTAMP) - INTERVAL %d DAY) AS recent
                  FROM (SELECT customer_id, ordered_at AS seen_at FROM orders WHERE ordered_at < ?
                        UNION ALL SELECT customer_id, occurred_at FROM web_events WHERE event_type = 'session_start' AND occurred_at < ?
                        UNION ALL SELECT customer_id, opened_at FROM email_messages WHERE opened_at < ?
                        UNION ALL SELECT customer_id, clicked_at FROM sms_messages WHERE clicked_at < ?)
                  GROUP BY customer_id)""".formatted(RECENT_DAYS);

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
        StringBuilder sql = new StringBuilder("WITH t AS (").append(TIMING_SQL).append("), ").append(HABITS_SQL)
                .append(", ").append(ACTIVITY_SQL).append(" SELECT f.customer_id");
        for (Feature f : FEATURES) {
            sql.append(", CAST(").append(f.sql()).append(" AS DOUBLE)");
        }
        return sql.append(" FROM customer_features f LEFT JOIN t ON t.customer_id = f.customer_id")
                .append(" LEFT JOIN h ON h.customer_id = f.customer_id LEFT JOIN i ON i.customer_id = f.customer_id")
                .append(" LEFT JOIN s ON s.customer_id = f.customer_id LEFT JOIN a ON a.customer_id = f.customer_id")
                .append(" ORDER BY f.customer_id")
                .toString();
    }

    /** Placeholders in {@link #sql()}: every one is the features' as-of. */
    static int asOfParameters() {
        return (int) sql().chars().filter(c -> c == '?').count();
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
            for (int p = 1, placeholders = asOfParameters(); p <= placeholders; p++) {
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
