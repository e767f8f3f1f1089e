package dev.segmentagent.features;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The behaviour clustering's features, on hand-made orders, visits and messages whose answers are known. */
class BehaviourFeaturesTest {

    private DuckDbWarehouse warehouse;

    @BeforeEach
    void tables() throws SQLException {
        warehouse = DuckDbWarehouse.inMemory();
        try (Connection c = warehouse.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS warehouse_meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
            s.execute("DELETE FROM warehouse_meta");
            s.execute("INSERT INTO warehouse_meta VALUES ('as_of', '2026-11-01T00:00:00Z'), ('features_as_of', '2026-11-01T00:00:00Z')");
            s.execute("CREATE OR REPLACE TABLE orders (customer_id BIGINT, ordered_at TIMESTAMP, discount_amount DOUBLE DEFAULT 0)");
            s.execute("CREATE OR REPLACE TABLE order_items (customer_id BIGINT, ordered_at TIMESTAMP, brand_tier VARCHAR)");
            s.execute("CREATE OR REPLACE TABLE web_events (customer_id BIGINT, occurred_at TIMESTAMP, event_type VARCHAR)");
            s.execute("CREATE OR REPLACE TABLE email_messages (customer_id BIGINT, sent_at TIMESTAMP, opened_at TIMESTAMP)");
            s.execute("CREATE OR REPLACE TABLE sms_messages (customer_id BIGINT, sent_at TIMESTAMP, clicked_at TIMESTAMP)");
            s.execute("""
                    CREATE OR REPLACE TABLE customer_features (customer_id BIGINT, orders_365d BIGINT, orders_count BIGINT,
                        days_since_last_order BIGINT, weekend_orders_365d BIGINT, sessions_90d BIGINT, weekend_sessions_90d BIGINT,
                        discounted_orders_365d BIGINT, premium_lines_365d BIGINT, order_lines_365d BIGINT,
                        product_views_90d BIGINT, orders_90d BIGINT, emails_opened_90d BIGINT, emails_sent_90d BIGINT,
                        days_since_signup BIGINT)""");
            // 1: a quarterly buyer, 5 orders 91 days apart; 2: a steady buyer every 20 days who stopped 200 days
            // ago; 3: one order 300 days ago; 4: no orders; plus an order of 3 after as-of that must not count
            s.execute("""
                    INSERT INTO orders (customer_id, ordered_at) SELECT 1, TIMESTAMP '2026-10-20' - INTERVAL (91 * i) DAY FROM range(5) t(i)
                    UNION ALL SELECT 2, TIMESTAMP '2026-04-15' - INTERVAL (20 * i) DAY FROM range(10) t(i)
                    UNION ALL SELECT 3, TIMESTAMP '2026-01-05'
                    UNION ALL SELECT 3, TIMESTAMP '2026-11-20'""");
            s.execute("UPDATE orders SET discount_amount = 5 WHERE customer_id = 3 AND ordered_at = TIMESTAMP '2026-01-05'");
            // customer 1 browses: 3 weekend sessions of 4 (2026-10-31 is a Saturday), page views do not count;
            // customer 2 bought 2 premium lines of 3
            s.execute("""
                    INSERT INTO web_events VALUES (1, TIMESTAMP '2026-10-31 10:00', 'session_start'),
                      (1, TIMESTAMP '2026-10-31 10:01', 'page_view'), (1, TIMESTAMP '2026-10-25 09:00', 'session_start'),
                      (1, TIMESTAMP '2026-10-24 09:00', 'session_start'), (1, TIMESTAMP '2026-10-29 09:00', 'session_start'),
                      (1, TIMESTAMP '2026-11-07 09:00', 'session_start'),
                      (4, TIMESTAMP '2026-10-20 09:00', 'product_view'), (4, TIMESTAMP '2026-10-20 09:01', 'product_view'),
                      (4, TIMESTAMP '2026-10-21 09:00', 'product_view'), (4, TIMESTAMP '2026-11-02 09:00', 'product_view')""");
            // signs of life besides orders and visits: customer 1 read an email this autumn, customer 2 one last
            // December (and one after as-of, which must not count), customer 4 clicked an SMS
            s.execute("""
                    INSERT INTO email_messages VALUES (1, TIMESTAMP '2026-10-01', TIMESTAMP '2026-10-01 08:00'),
                      (2, TIMESTAMP '2025-12-01', TIMESTAMP '2025-12-01 08:00'), (2, TIMESTAMP '2026-10-30', TIMESTAMP '2026-11-05'),
                      (3, TIMESTAMP '2026-10-01', NULL)""");
            s.execute("INSERT INTO sms_messages VALUES (4, TIMESTAMP '2026-10-10', TIMESTAMP '2026-10-10 12:00')");
            s.execute("""
                    INSERT INTO order_items VALUES (2, TIMESTAMP '2026-04-15', 'premium'), (2, TIMESTAMP '2026-04-15', 'premium'),
                      (2, TIMESTAMP '2026-03-26', 'value'), (3, TIMESTAMP '2026-01-05', 'standard')""");
            s.execute("""
                    INSERT INTO customer_features VALUES
                      (1, 4, 5, 12, 4, 10, 10, 0, 0, 5, 0, 1, 0, 0, 500),
                      (2, 0, 10, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 400),
                      (3, 1, 1, 300, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 310),
                      (4, 0, 0, NULL, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 20)""");
        }
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private double value(BehaviourFeatures.Table table, long customer, String feature) {
        int row = java.util.Arrays.binarySearch(table.ids(), customer);
        return table.raw()[row][BehaviourFeatures.names().indexOf(feature)];
    }

    @Test
    void orders_at_the_same_point_of_every_quarter_have_a_seasonal_rhythm_and_a_steady_buyers_do_not() {
        BehaviourFeatures.Table table = BehaviourFeatures.read(warehouse);
        assertThat(table.ids()).containsExactly(1, 2, 3, 4);
        // 5 orders 91 days apart: nearly one phase, (|sum|^2 - n) / (n (n - 1) + 6 pseudo pairs) = (25 - 5) / 26
        assertThat(value(table, 1, "seasonal_rhythm")).isCloseTo(20.0 / 26, within(0.005));
        // every 20 days: the orders go round the quarter twice, no common phase
        assertThat(value(table, 2, "seasonal_rhythm")).isCloseTo(0, within(0.1));
        assertThat(value(table, 3, "seasonal_rhythm")).as("one order: no rhythm to judge").isZero();
        assertThat(value(table, 4, "seasonal_rhythm")).isZero();
    }

    @Test
    void a_customer_silent_for_months_has_faded_and_a_steady_or_new_one_has_not() {
        BehaviourFeatures.Table table = BehaviourFeatures.read(warehouse);
        // customer 2: 10 orders and 1 email open in 400 days, none in the last 180: expected 11 * 180 / 400
        assertThat(value(table, 2, "activity_fade")).isCloseTo(Math.log(1 / (11 * 180.0 / 400 + 1)), within(1e-9));
        // customer 1: 5 orders, 4 visits and an open in 500 days, 2 + 4 + 1 of them recent: livelier than usual
        assertThat(value(table, 1, "activity_fade")).isCloseTo(Math.log(8 / (10 * 180.0 / 500 + 1)), within(1e-9));
        // customer 4 signed up 20 days ago: everything is recent, nothing to compare, neutral
        assertThat(value(table, 4, "activity_fade")).isZero();
        assertThat(value(table, 3, "single_order_lapsed")).isEqualTo(1.0);
        assertThat(value(table, 1, "single_order_lapsed")).isZero();
    }

    @Test
    void an_order_after_the_features_as_of_does_not_reach_the_timing_features() {
        BehaviourFeatures.Table table = BehaviourFeatures.read(warehouse);
        // customer 3's second order lies after as-of: still a single order 300 days into a 310-day tenure
        assertThat(value(table, 3, "activity_fade")).isCloseTo(Math.log(1 / (180.0 / 310 + 1)), within(1e-9));
        assertThat(value(table, 3, "seasonal_rhythm")).isZero();
    }

    @Test
    void views_per_order_counts_product_views_over_the_whole_history_before_as_of() {
        BehaviourFeatures.Table table = BehaviourFeatures.read(warehouse);
        // customer 4: 3 product views before as-of (a fourth after it), no orders
        assertThat(value(table, 4, "views_per_order")).isEqualTo(3.0);
        // customer 1: sessions and a page view but no product views
        assertThat(value(table, 1, "views_per_order")).isZero();
    }

    @Test
    void frequency_is_completed_orders_per_year_of_tenure() {
        BehaviourFeatures.Table table = BehaviourFeatures.read(warehouse);
        // customer 2: 10 completed orders in 400 days; customer 3: 1 in 310 days (raw values: the log comes in the scaler)
        assertThat(value(table, 2, "orders_per_year")).isCloseTo(10 * 365.25 / 400, within(1e-9));
        assertThat(value(table, 3, "orders_per_year")).isCloseTo(365.25 / 310, within(1e-9));
        assertThat(value(table, 4, "orders_per_year")).isZero();
    }

    @Test
    void a_share_from_one_order_is_pulled_towards_the_population_rate() {
        BehaviourFeatures.Table table = BehaviourFeatures.read(warehouse);
        // customer 3: 1 discounted order of 1 (its order after as-of does not count); population 1 of 16 orders
        assertThat(value(table, 3, "discount_share")).isCloseTo((1 + 6 / 16.0) / 7, within(1e-9));
    }

    @Test
    void habits_are_measured_on_the_whole_history_before_as_of() {
        BehaviourFeatures.Table table = BehaviourFeatures.read(warehouse);
        // customer 2's orders from mid-2025 on: 2 of 10 on a weekend (population: 2 of 16), older than 365 days included
        assertThat(value(table, 2, "weekend_order_share")).isCloseTo((2 + 6 * 2 / 16.0) / (10 + 6), within(1e-9));
        assertThat(value(table, 1, "weekend_order_share")).as("Tuesdays only").isCloseTo((6 * 2 / 16.0) / (5 + 6), within(1e-9));
        // sessions: 3 weekend of 4 before as-of (the one after it and the page view do not count)
        assertThat(value(table, 1, "weekend_session_share")).isCloseTo((3 + 6 * 0.75) / (4 + 6), within(1e-9));
        // premium lines: 2 of 3; population 2 of 4
        assertThat(value(table, 2, "premium_share")).isCloseTo((2 + 6 * 0.5) / (3 + 6), within(1e-9));
    }
}
