package dev.segmentagent.catalog;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.segmentagent.catalog.CatalogFixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeatureBuilderTest {

    static Catalog catalog;
    DuckDbWarehouse warehouse;

    @BeforeAll
    static void load_catalog() {
        catalog = new CatalogLoader().load(CatalogFixtures.CATALOG_DIR);
    }

    @BeforeEach
    void given_fixture_warehouse() {
        warehouse = CatalogFixtures.warehouse();
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void builds_one_row_per_customer_signed_up_before_as_of_with_a_column_per_field() throws SQLException {
        FeatureBuildReport report = new FeatureBuilder().build(warehouse, catalog, AS_OF);

        assertThat(report.customers()).isEqualTo(3);
        assertThat(report.fields()).isEqualTo(catalog.fields().size());
        assertThat(column("SELECT customer_id FROM customer_features ORDER BY 1")).containsExactly(1L, 2L, 4L);
        try (java.sql.Connection connection = warehouse.connection()) {
            assertThat(dev.segmentagent.warehouse.CustomerIndexes.present(connection, "customer_features"))
                    .as("indexed by customer for the event path").isTrue();
        }
        List<Object> columns = column("SELECT column_name FROM information_schema.columns WHERE table_name = 'customer_features' ORDER BY ordinal_position");
        assertThat(columns).hasSize(catalog.fields().size() + 1).startsWith("customer_id").contains("total_spend", "churn_risk");
        assertThat(column("SELECT data_type FROM information_schema.columns WHERE table_name = 'customer_features' AND column_name IN ('orders_30d', 'aov_365d', 'preferred_order_channel', 'email_consent', 'last_order_at') ORDER BY column_name"))
                .containsExactly("DOUBLE", "BOOLEAN", "TIMESTAMP", "BIGINT", "VARCHAR"); // by column name
    }

    @Test
    void counts_and_sums_respect_windows_status_filters_and_the_as_of_cut_off() throws SQLException {
        new FeatureBuilder().build(warehouse, catalog, AS_OF);
        Map<String, Object> ana = row(1);

        // completed orders: 05-31, 05-25 (30d); + 04-15 (90d); + 2024-12-01 (365d); 06-02 is after as-of
        assertThat(ana).containsEntry("orders_30d", 2L).containsEntry("orders_90d", 3L)
                .containsEntry("orders_180d", 3L).containsEntry("orders_365d", 4L).containsEntry("orders_count", 4L)
                .containsEntry("orders_prior_90d", 0L).containsEntry("orders_trend_90d", 3L)
                .containsEntry("orders_placed_365d", 5L).containsEntry("returned_orders_365d", 1L);
        assertThat((Double) ana.get("revenue_total")).isEqualTo(380.0);
        assertThat((Double) ana.get("revenue_30d")).isEqualTo(150.0);
        assertThat((Double) ana.get("gross_merchandise_value")).isEqualTo(480.0); // 120+50+30+80(returned)+200
        assertThat((Double) ana.get("aov_365d")).isEqualTo(95.0);
        assertThat((Double) ana.get("return_rate_365d")).isEqualTo(0.2);
        assertThat((Double) ana.get("discount_share_365d")).isEqualTo(0.25);
        assertThat(ana).containsEntry("order_lines_count", 3L).containsEntry("items_purchased_count", 6L)
                .containsEntry("units_shoes_365d", 2L).containsEntry("units_toys_365d", 0L)
                .containsEntry("category_count_365d", 3L);
        assertThat((Double) ana.get("avg_items_per_order_365d")).isEqualTo(2.5); // (2+1+3+4) / 4
    }

    @Test
    void customers_without_rows_get_zero_counts_and_null_everything_else() throws SQLException {
        new FeatureBuilder().build(warehouse, catalog, AS_OF);
        Map<String, Object> ben = row(2);

        assertThat(ben).containsEntry("orders_30d", 0L).containsEntry("orders_count", 0L)
                .containsEntry("sessions_90d", 0L).containsEntry("emails_sent_30d", 0L)
                .containsEntry("revenue_total", 0.0);
        // ratios with a zero denominator are null, not 0 and not an error
        assertThat(ben.get("aov_365d")).isNull();
        assertThat(ben.get("email_open_rate_30d")).isNull();
        assertThat(ben.get("email_open_rate_change")).isNull();
        assertThat(ben.get("days_since_last_order")).isNull();
        assertThat(ben.get("preferred_order_channel")).isNull();
        assertThat(ben.get("avg_satisfaction_365d")).isNull();
        assertThat(ben.get("age")).isNull();
        assertThat(ben.get("churn_risk")).isNull();
        assertThat(ben).containsEntry("days_since_signup", 31L).containsEntry("loyalty_tier", "none");
    }

    @Test
    void weekend_shares_count_saturdays_and_sundays() throws SQLException {
        new FeatureBuilder().build(warehouse, catalog, AS_OF);
        Map<String, Object> ana = row(1);

        // orders on Sat 05-31, Sun 05-25, Sun 2024-12-01 of 4 in 365d; sessions Sat 05-31, Sat 05-24 of 3
        assertThat(ana).containsEntry("weekend_orders_365d", 3L).containsEntry("weekend_sessions_90d", 2L);
        assertThat((Double) ana.get("weekend_order_share_365d")).isEqualTo(0.75);
        assertThat((Double) ana.get("weekend_session_share_90d")).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void mode_picks_most_frequent_value_and_breaks_ties_alphabetically() throws SQLException {
        new FeatureBuilder().build(warehouse, catalog, AS_OF);

        // Ana: web 2, app 1, store 1 -> web; ios sessions 2 vs web 1 -> ios; views shoes 2 = beauty 2 -> beauty
        assertThat(row(1)).containsEntry("preferred_order_channel", "web").containsEntry("preferred_platform", "ios")
                .containsEntry("most_viewed_category_90d", "beauty").containsEntry("top_ticket_topic_365d", "delivery");
        // Dee: web 1, app 1 -> app
        assertThat(row(4)).containsEntry("preferred_order_channel", "app");
    }

    @Test
    void days_since_fields_count_whole_days_before_as_of() throws SQLException {
        new FeatureBuilder().build(warehouse, catalog, AS_OF);

        // last completed order 05-31 10:00 is 14 hours before as-of: 0 whole days
        assertThat(row(1)).containsEntry("days_since_last_order", 0L).containsEntry("days_since_first_order", 181L)
                .containsEntry("days_since_last_visit", 0L).containsEntry("days_since_last_email_open", 10L)
                .containsEntry("days_since_last_email_click", 59L).containsEntry("age", 34L)
                .containsEntry("customer_tenure_days", 507L).containsEntry("days_since_signup", 507L);
        // Dee: 05-20 12:00 -> 11 days 12 hours
        assertThat(row(4)).containsEntry("days_since_last_order", 11L).containsEntry("last_order_days", 11L)
                .containsEntry("age", 40L);
    }

    @Test
    void email_rates_are_over_emails_sent_in_the_window() throws SQLException {
        new FeatureBuilder().build(warehouse, catalog, AS_OF);
        Map<String, Object> ana = row(1);

        assertThat((Double) ana.get("email_open_rate_30d")).isEqualTo(0.5);
        assertThat((Double) ana.get("email_open_rate_90d")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat((Double) ana.get("email_open_rate_change")).isCloseTo(0.5 - 2.0 / 3, within(1e-12));
        assertThat((Double) ana.get("email_click_rate_30d")).isEqualTo(0.0);
        assertThat((Double) ana.get("email_click_to_open_rate_90d")).isEqualTo(0.5);
        assertThat(ana).containsEntry("unresolved_tickets", 1L).containsEntry("support_tickets_90d", 1L)
                .containsEntry("low_satisfaction_tickets_365d", 1L);
        assertThat((Double) ana.get("avg_satisfaction_365d")).isEqualTo(3.5);
    }

    @Test
    void matches_direct_sql_for_windowed_revenue_of_every_customer() throws SQLException {
        new FeatureBuilder().build(warehouse, catalog, AS_OF);

        List<Object> direct = column("""
                SELECT COALESCE(sum(o.net_amount) FILTER (WHERE o.status = 'completed'
                         AND o.ordered_at >= TIMESTAMP '2025-03-03 00:00:00' AND o.ordered_at < TIMESTAMP '2025-06-01 00:00:00'), 0)
                FROM customers c LEFT JOIN orders o USING (customer_id)
                WHERE c.signup_at < TIMESTAMP '2025-06-01 00:00:00' GROUP BY c.customer_id ORDER BY c.customer_id""");
        assertThat(column("SELECT revenue_90d FROM customer_features ORDER BY customer_id")).isEqualTo(direct);
    }

    @Test
    void money_sums_are_exact_to_the_cent_so_a_threshold_on_the_total_holds() throws SQLException {
        execute("DELETE FROM orders WHERE customer_id = 4");
        execute("INSERT INTO orders VALUES (901, 4, TIMESTAMP '2025-05-20 10:00:00', 'web', 'completed', 10.10, 0, 10.10, 1, NULL),"
                + " (902, 4, TIMESTAMP '2025-05-21 10:00:00', 'web', 'completed', 20.20, 0, 20.20, 1, NULL)");

        new FeatureBuilder().build(warehouse, catalog, AS_OF);

        // as doubles, 10.10 + 20.20 = 30.299999999999997 and "revenue_total >= 30.30" would miss this customer
        assertThat((Double) row(4).get("revenue_total")).isEqualTo(30.30);
        assertThat(column("SELECT customer_id FROM customer_features WHERE revenue_total >= 30.30 AND customer_id = 4"))
                .containsExactly(4L);
    }

    @Test
    void model_outputs_are_null_until_scored_then_read_from_model_tables() throws SQLException {
        new FeatureBuilder().build(warehouse, catalog, AS_OF);
        assertThat(row(1).get("churn_risk")).isNull();

        execute("INSERT INTO model_scores VALUES ('churn', 1, 0.82, 'high', 'v1'), ('rfm', 1, 4.5, 'champions', 'v1')");
        execute("INSERT INTO cluster_assignments VALUES ('behaviour', 1, 3, 'weekend_browsers', 'v1')");
        new FeatureBuilder().build(warehouse, catalog, AS_OF);

        assertThat(row(1)).containsEntry("churn_risk", 0.82).containsEntry("churn_risk_tier", "high")
                .containsEntry("rfm_segment", "champions").containsEntry("behaviour_cluster", "weekend_browsers")
                .containsEntry("behaviour_cluster_id", 3L);
        assertThat(row(1).get("purchase_propensity_30d")).isNull();
    }

    @Test
    void records_as_of_in_warehouse_meta_and_replaces_on_rebuild() throws SQLException {
        new FeatureBuilder().build(warehouse, catalog, AS_OF);
        new FeatureBuilder().build(warehouse, catalog, AS_OF.plusSeconds(86_400 * 2));

        assertThat(column("SELECT value FROM warehouse_meta WHERE key = 'features_as_of'")).containsExactly("2025-06-03T00:00:00Z");
        assertThat(column("SELECT value FROM warehouse_meta WHERE key = 'features_build_ms'")).hasSize(1);
        // the order of 06-02 is now inside the window
        assertThat(row(1)).containsEntry("orders_30d", 3L);
    }

    private Map<String, Object> row(long customerId) throws SQLException {
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM customer_features WHERE customer_id = " + customerId)) {
            assertThat(rows.next()).as("customer %d has a feature row", customerId).isTrue();
            Map<String, Object> row = new HashMap<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                row.put(rows.getMetaData().getColumnName(i), rows.getObject(i));
            }
            return row;
        }
    }

    private List<Object> column(String sql) throws SQLException {
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<Object> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getObject(1));
            }
            return values;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
