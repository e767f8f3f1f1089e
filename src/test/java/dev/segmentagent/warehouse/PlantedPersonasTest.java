package dev.segmentagent.warehouse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.segmentagent.warehouse.WarehouseSql.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planted personas show in the data as the features a marketer (or the ML work) would compute with
 * SQL: strong signals, with some noise.
 */
class PlantedPersonasTest {

    private static DuckDbWarehouse warehouse;

    @BeforeAll
    static void generate() {
        warehouse = DuckDbWarehouse.inMemory();
        new DemoDataGenerator().generate(warehouse, GeneratorOptions.defaults(2026).withCustomers(5_000),
                ProgressReporter.silent());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    private static String customersOf(String persona) {
        return "(SELECT customer_id FROM planted_personas WHERE persona = '" + persona + "')";
    }

    private static double weekendShareOfOrders(String persona) {
        return number(warehouse, "SELECT avg((dayofweek(ordered_at) IN (0, 6))::INT) FROM orders WHERE customer_id IN "
                + customersOf(persona));
    }

    private static double weekendShareOfSessions(String persona) {
        return number(warehouse, "SELECT avg((dayofweek(occurred_at) IN (0, 6))::INT) FROM web_events"
                + " WHERE event_type = 'session_start' AND customer_id IN " + customersOf(persona));
    }

    @Test
    void every_customer_has_one_persona_in_roughly_the_planned_shares() {
        assertThat(number(warehouse, "SELECT count(*) FROM planted_personas")).isEqualTo(5_000);
        assertThat(number(warehouse, "SELECT count(DISTINCT persona) FROM planted_personas")).isEqualTo(8);
        assertThat(number(warehouse, "SELECT avg((persona = 'regular')::INT) FROM planted_personas")).isBetween(0.32, 0.40);
        assertThat(number(warehouse, "SELECT avg((persona = 'one_time_buyer')::INT) FROM planted_personas")).isBetween(0.10, 0.14);
        assertThat(number(warehouse, "SELECT avg((persona = 'premium_loyalist')::INT) FROM planted_personas")).isBetween(0.045, 0.075);
    }

    @Test
    void weekend_shoppers_order_and_browse_on_weekends_and_regulars_do_not() {
        assertThat(weekendShareOfOrders("weekend_shopper")).isBetween(0.85, 0.99);
        assertThat(weekendShareOfSessions("weekend_shopper")).isBetween(0.85, 0.99);
        assertThat(weekendShareOfOrders("regular")).isLessThan(0.45);
        assertThat(weekendShareOfSessions("regular")).isLessThan(0.45);
    }

    @Test
    void discount_only_customers_use_a_coupon_on_every_order() {
        assertThat(number(warehouse, "SELECT avg((discount_amount > 0 AND coupon_code IS NOT NULL)::INT) FROM orders"
                + " WHERE customer_id IN " + customersOf("discount_only"))).isEqualTo(1.0);
        assertThat(number(warehouse, "SELECT avg((discount_amount > 0)::INT) FROM orders WHERE customer_id IN "
                + customersOf("regular"))).isBetween(0.1, 0.35);
        // they also take the deeper discounts
        assertThat(number(warehouse, "SELECT avg(discount_amount / gross_amount) FROM orders WHERE customer_id IN "
                + customersOf("discount_only"))).isGreaterThan(0.18);
    }

    @Test
    void one_time_buyers_have_exactly_one_completed_order() {
        assertThat(number(warehouse, """
                SELECT count(*) FROM planted_personas p
                LEFT JOIN (SELECT customer_id, count(*) AS orders, count(*) FILTER (status = 'completed') AS completed
                           FROM orders GROUP BY customer_id) o USING (customer_id)
                WHERE p.persona = 'one_time_buyer' AND (o.orders IS DISTINCT FROM 1 OR o.completed IS DISTINCT FROM 1)
                """)).isZero();
    }

    @Test
    void window_shoppers_view_and_cart_many_products_but_order_at_most_once() {
        assertThat(number(warehouse, "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM orders WHERE customer_id IN "
                + customersOf("window_shopper") + " GROUP BY customer_id)")).isLessThanOrEqualTo(1);
        assertThat(number(warehouse, "SELECT avg((o.customer_id IS NULL)::INT) FROM planted_personas p"
                + " LEFT JOIN (SELECT DISTINCT customer_id FROM orders) o USING (customer_id) WHERE p.persona = 'window_shopper'"))
                .isGreaterThan(0.75);
        double windowViews = productViewsPerCustomer("window_shopper", "product_view");
        double regularViews = productViewsPerCustomer("regular", "product_view");
        assertThat(windowViews).isGreaterThan(2.5 * regularViews);
        assertThat(productViewsPerCustomer("window_shopper", "add_to_cart"))
                .isGreaterThan(2 * productViewsPerCustomer("regular", "add_to_cart"));
    }

    private static double productViewsPerCustomer(String persona, String eventType) {
        return number(warehouse, "SELECT count(e.event_id) * 1.0 / count(DISTINCT p.customer_id) FROM planted_personas p"
                + " LEFT JOIN web_events e ON e.customer_id = p.customer_id AND e.event_type = '" + eventType + "'"
                + " WHERE p.persona = '" + persona + "'");
    }

    @Test
    void declining_customers_churn_and_buy_nothing_after_churned_at_at_least_60_days_ago() {
        assertThat(number(warehouse, "SELECT avg(churned::INT) FROM planted_personas WHERE persona = 'declining_engagement'"))
                .isEqualTo(1.0);
        assertThat(number(warehouse, "SELECT count(*) FROM planted_personas WHERE churned AND (churned_at IS NULL"
                + " OR churned_at > TIMESTAMP '2026-11-01' - INTERVAL 60 DAY)")).isZero();
        // churned_at is the last order: nothing after, and an order exactly then
        assertThat(number(warehouse, "SELECT count(*) FROM orders o JOIN planted_personas p USING (customer_id)"
                + " WHERE p.churned AND o.ordered_at > p.churned_at")).isZero();
        assertThat(number(warehouse, "SELECT count(*) FROM planted_personas p WHERE churned AND NOT EXISTS"
                + " (SELECT 1 FROM orders o WHERE o.customer_id = p.customer_id AND o.ordered_at = p.churned_at)")).isZero();
    }

    @Test
    void declining_customers_open_fewer_emails_and_visit_less_in_the_90_days_before_churn() {
        String window = """
                SELECT avg(CASE WHEN x.%2$s >= p.churned_at - INTERVAL 90 DAY THEN %3$s END)
                     / avg(CASE WHEN x.%2$s < p.churned_at - INTERVAL 180 DAY THEN %3$s END)
                FROM %1$s x JOIN planted_personas p USING (customer_id)
                WHERE p.persona = 'declining_engagement' AND x.%2$s < p.churned_at %4$s
                """;
        // campaign emails only: transactional ones follow orders, not interest
        double openRateRatio = number(warehouse, window.formatted("email_messages", "sent_at",
                "(x.opened_at IS NOT NULL)::INT", "AND x.campaign_type <> 'transactional'"));
        assertThat(openRateRatio).isLessThan(0.7);

        // sessions per day in the last 90 days before churn against the time before the decline
        double sessionRatio = number(warehouse, """
                WITH d AS (
                    SELECT p.customer_id, p.churned_at, c.signup_at FROM planted_personas p JOIN customers c USING (customer_id)
                    WHERE p.persona = 'declining_engagement'),
                s AS (
                    SELECT d.customer_id,
                           count(e.event_id) FILTER (e.occurred_at BETWEEN d.churned_at - INTERVAL 90 DAY AND d.churned_at) AS late,
                           count(e.event_id) FILTER (e.occurred_at < d.churned_at - INTERVAL 180 DAY) AS early
                    FROM d LEFT JOIN web_events e ON e.customer_id = d.customer_id AND e.event_type = 'session_start'
                    GROUP BY d.customer_id)
                SELECT (sum(late) / (90.0 * count(*)))
                     / (sum(early) / sum(greatest(1, date_diff('day', d.signup_at, d.churned_at - INTERVAL 180 DAY))))
                FROM s JOIN d USING (customer_id)
                """);
        assertThat(sessionRatio).isLessThan(0.8);
    }

    @Test
    void some_regulars_churn_without_warning_and_other_personas_do_not_churn() {
        assertThat(number(warehouse, "SELECT avg(churned::INT) FROM planted_personas WHERE persona = 'regular'")).isBetween(0.01, 0.08);
        assertThat(number(warehouse, "SELECT count(*) FROM planted_personas WHERE churned"
                + " AND persona NOT IN ('regular', 'declining_engagement')")).isZero();
    }

    @Test
    void premium_loyalists_buy_often_and_premium_at_a_far_higher_order_value() {
        double loyalAov = number(warehouse, "SELECT avg(net_amount) FROM orders WHERE customer_id IN " + customersOf("premium_loyalist"));
        double regularAov = number(warehouse, "SELECT avg(net_amount) FROM orders WHERE customer_id IN " + customersOf("regular"));
        assertThat(loyalAov).isGreaterThan(1.7 * regularAov);
        assertThat(number(warehouse, "SELECT avg((brand_tier = 'premium')::INT) FROM order_items WHERE customer_id IN "
                + customersOf("premium_loyalist"))).isGreaterThan(0.6);
        assertThat(number(warehouse, "SELECT count(*) FROM customers WHERE customer_id IN " + customersOf("premium_loyalist")
                + " AND loyalty_tier NOT IN ('gold', 'platinum')")).isZero();
        double loyalOpens = number(warehouse, "SELECT avg((opened_at IS NOT NULL)::INT) FROM email_messages WHERE customer_id IN "
                + customersOf("premium_loyalist"));
        double regularOpens = number(warehouse, "SELECT avg((opened_at IS NOT NULL)::INT) FROM email_messages WHERE customer_id IN "
                + customersOf("regular"));
        assertThat(loyalOpens).isGreaterThan(1.6 * regularOpens);
    }

    @Test
    void seasonal_buyers_order_in_bursts_about_a_quarter_apart() {
        String gaps = """
                SELECT gap FROM (
                    SELECT date_diff('hour', lag(ordered_at) OVER (PARTITION BY customer_id ORDER BY ordered_at), ordered_at) / 24.0 AS gap
                    FROM orders WHERE customer_id IN %s)
                WHERE gap IS NOT NULL
                """;
        String burstShare = "SELECT avg((gap < 15 OR gap BETWEEN 70 AND 115)::INT) FROM (" + gaps + ")";
        assertThat(number(warehouse, burstShare.formatted(customersOf("seasonal_buyer")))).isGreaterThan(0.8);
        assertThat(number(warehouse, burstShare.formatted(customersOf("regular")))).isLessThan(0.6);
        // between bursts, the typical gap is a quarter
        assertThat(number(warehouse, "SELECT median(gap) FROM (" + gaps.formatted(customersOf("seasonal_buyer")) + ") WHERE gap >= 30"))
                .isBetween(80.0, 100.0);
    }
}
