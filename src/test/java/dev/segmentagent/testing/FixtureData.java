package dev.segmentagent.testing;

import dev.segmentagent.warehouse.DuckDbWarehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded synthetic warehouse for {@link TestCatalog}: customer_features with nulls in every nullable
 * column, orders / order_items / web_events spread around the as-of instant (including rows exactly on
 * window boundaries and rows after as-of), model_scores and cluster_assignments with gaps.
 * Amounts are multiples of 0.25 so sums are exact in floating point.
 */
public final class FixtureData {

    public static final Instant AS_OF = Instant.parse("2025-06-01T00:00:00Z");
    public static final LocalDateTime AS_OF_UTC = LocalDateTime.ofInstant(AS_OF, ZoneOffset.UTC);
    public static final List<String> TABLES = List.of("customer_features", "customers", "orders", "order_items",
            "web_events", "model_scores", "cluster_assignments", "warehouse_meta");

    private FixtureData() {}

    public static DuckDbWarehouse create(long seed, int customers) {
        DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory();
        try (Connection c = warehouse.connection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE customer_features (customer_id BIGINT, orders_90d BIGINT, orders_365d BIGINT,
                      orders_total_old BIGINT, aov_365d DOUBLE, total_spend_365d DOUBLE, email_open_rate_30d DOUBLE,
                      email_click_rate_30d DOUBLE, age BIGINT, country VARCHAR, email VARCHAR, gender VARCHAR,
                      loyalty_tier VARCHAR, city VARCHAR, email_consent BOOLEAN, signup_date DATE, last_order_at TIMESTAMP)""");
            Random r = new Random(seed);
            insertFeatures(c, r, customers);
            insertOrders(c, r, customers);
            insertWebEvents(c, r, customers);
            insertModels(c, r, customers);
            s.execute("INSERT INTO customers (customer_id, email, signup_at) VALUES (1, 'a@example.com', TIMESTAMP '2020-01-01')");
            s.execute("INSERT INTO warehouse_meta VALUES ('as_of', '" + AS_OF + "')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return warehouse;
    }

    private static void insertFeatures(Connection c, Random r, int customers) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO customer_features VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (long id = 1; id <= customers; id++) {
                int i = 1;
                p.setObject(i++, id);
                p.setObject(i++, (long) r.nextInt(12));
                p.setObject(i++, (long) r.nextInt(40));
                p.setObject(i++, (long) r.nextInt(60));
                p.setObject(i++, maybe(r, r.nextInt(1200) * 0.25));
                p.setObject(i++, maybe(r, r.nextInt(4000) * 0.5));
                p.setObject(i++, maybe(r, r.nextInt(21) / 20.0));
                p.setObject(i++, maybe(r, r.nextInt(21) / 20.0));
                p.setObject(i++, maybe(r, (long) (18 + r.nextInt(70))));
                p.setObject(i++, maybe(r, pick(r, TestCatalog.COUNTRIES)));
                p.setObject(i++, "c" + id + "@example.com");
                p.setObject(i++, pick(r, TestCatalog.GENDERS));
                p.setObject(i++, pick(r, TestCatalog.TIERS));
                p.setObject(i++, maybe(r, pick(r, TestCatalog.CITIES)));
                p.setObject(i++, maybe(r, r.nextBoolean()));
                p.setObject(i++, LocalDate.of(2019, 1, 1).plusDays(r.nextInt(2300)));
                p.setObject(i++, maybe(r, timestamp(r)));
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static void insertOrders(Connection c, Random r, int customers) throws SQLException {
        List<String> statuses = List.of("completed", "completed", "completed", "returned", "cancelled");
        List<String> coupons = List.of("SAVE10", "WELCOME", "Spring");
        try (PreparedStatement o = c.prepareStatement("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement li = c.prepareStatement("INSERT INTO order_items VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            long orderId = 1;
            for (long id = 1; id <= customers; id++) {
                int n = r.nextInt(10);
                for (int k = 0; k < n; k++, orderId++) {
                    LocalDateTime at = timestamp(r);
                    o.setObject(1, orderId);
                    o.setObject(2, id);
                    o.setObject(3, at);
                    o.setObject(4, maybe(r, pick(r, TestCatalog.CHANNELS)));
                    o.setObject(5, pick(r, statuses));
                    double net = r.nextInt(1600) * 0.25;
                    o.setObject(6, net);
                    o.setObject(7, 0.0);
                    o.setObject(8, maybe(r, net));
                    Integer items = r.nextInt(10) == 0 ? null : 1 + r.nextInt(5);
                    o.setObject(9, items);
                    o.setObject(10, r.nextInt(3) == 0 ? pick(r, coupons) : null);
                    o.addBatch();
                    int lines = 1 + r.nextInt(3);
                    for (int line = 1; line <= lines; line++) {
                        li.setObject(1, orderId);
                        li.setObject(2, line);
                        li.setObject(3, id);
                        li.setObject(4, at);
                        li.setObject(5, "p" + r.nextInt(50));
                        li.setObject(6, maybe(r, pick(r, TestCatalog.CATEGORIES)));
                        li.setObject(7, pick(r, List.of("value", "standard", "premium")));
                        li.setObject(8, maybe(r, r.nextInt(400) * 0.5));
                        li.setObject(9, 1 + r.nextInt(3));
                        li.setObject(10, 0.0);
                        li.addBatch();
                    }
                }
            }
            o.executeBatch();
            li.executeBatch();
        }
    }

    private static void insertWebEvents(Connection c, Random r, int customers) throws SQLException {
        List<String> types = List.of("session_start", "page_view", "product_view", "product_view", "add_to_cart");
        try (PreparedStatement w = c.prepareStatement("INSERT INTO web_events VALUES (?,?,?,?,?,?,?,?,?)")) {
            long eventId = 1;
            for (long id = 1; id <= customers; id++) {
                int n = r.nextInt(12);
                for (int k = 0; k < n; k++) {
                    w.setObject(1, eventId++);
                    w.setObject(2, id);
                    w.setObject(3, timestamp(r));
                    w.setObject(4, pick(r, types));
                    w.setObject(5, maybe(r, pick(r, List.of("web", "ios", "android"))));
                    w.setObject(6, maybe(r, pick(r, TestCatalog.CATEGORIES)));
                    w.setObject(7, "p" + r.nextInt(50));
                    w.setObject(8, null);
                    w.setObject(9, (long) r.nextInt(1000));
                    w.addBatch();
                }
            }
            w.executeBatch();
        }
    }

    private static void insertModels(Connection c, Random r, int customers) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO model_scores VALUES (?,?,?,?,'v1')");
             PreparedStatement k = c.prepareStatement("INSERT INTO cluster_assignments VALUES ('behaviour',?,?,?,'v1')")) {
            for (long id = 1; id <= customers; id++) {
                for (String model : List.of("churn", "purchase_propensity")) {
                    if (r.nextInt(10) == 0) {
                        continue;
                    }
                    s.setObject(1, model);
                    s.setObject(2, id);
                    s.setObject(3, maybe(r, r.nextInt(21) / 20.0));
                    s.setObject(4, maybe(r, pick(r, List.of("high", "medium", "low"))));
                    s.addBatch();
                }
                if (r.nextInt(10) != 0) {
                    int cluster = r.nextInt(TestCatalog.CLUSTERS.size());
                    k.setObject(1, id);
                    k.setObject(2, cluster);
                    k.setObject(3, TestCatalog.CLUSTERS.get(cluster));
                    k.addBatch();
                }
            }
            s.executeBatch();
            k.executeBatch();
        }
    }

    /** Mostly spread over ~2 years before as-of, some after it, some exactly on day boundaries of common windows. */
    static LocalDateTime timestamp(Random r) {
        int kind = r.nextInt(10);
        if (kind == 0) {
            int[] days = {0, 1, 7, 30, 90, 365};
            return AS_OF_UTC.minusDays(days[r.nextInt(days.length)]);
        }
        if (kind == 1) {
            return AS_OF_UTC.plusSeconds(r.nextInt(40 * 86400));
        }
        return AS_OF_UTC.minusSeconds(1 + r.nextInt(800 * 86400));
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static <T> T maybe(Random r, T value) {
        return r.nextInt(7) == 0 ? null : value;
    }

    /** count(*) and sum(hash(row)) of every table: equal before and after means nothing was written. */
    public static Map<String, String> checksum(DuckDbWarehouse warehouse) {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection c = warehouse.connection(); Statement s = c.createStatement()) {
            try (ResultSet tables = s.executeQuery("SELECT table_name FROM information_schema.tables ORDER BY table_name")) {
                while (tables.next()) {
                    sums.put(tables.getString(1), null);
                }
            }
            for (String table : sums.keySet()) {
                try (Statement q = c.createStatement();
                     ResultSet rs = q.executeQuery("SELECT count(*), sum(hash(t)) FROM \"" + table + "\" t")) {
                    rs.next();
                    sums.put(table, rs.getLong(1) + ":" + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sums;
    }
}
