package dev.segmentagent.features;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A training set at a cut-off is what was knowable at the cut-off: later data changes labels, never features. */
class PointInTimeLeakageTest {

    private static final Instant CUTOFF = Instant.parse("2026-08-03T00:00:00Z");

    @Test
    void given_orders_visits_and_emails_added_after_the_cutoff_then_training_features_do_not_change() throws SQLException {
        Catalog catalog = DemoModels.catalog();
        try (DuckDbWarehouse warehouse = DemoModels.warehouse(800, 11, catalog)) {
            TrainingSets sets = new TrainingSets(warehouse, catalog);
            FeatureMatrix before = sets.labelled(Outcome.churn(90), CUTOFF);

            // every customer buys, visits and opens an email one day after the cut-off
            try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO orders SELECT 10000000 + customer_id, customer_id, TIMESTAMP '2026-08-04 10:00:00', 'web',
                               'completed', 99.0, 10.0, 89.0, 2, 'LATE' FROM customers""");
                statement.execute("""
                        INSERT INTO web_events SELECT 90000000 + customer_id, customer_id, TIMESTAMP '2026-08-04 09:00:00',
                               'session_start', 'web', NULL, NULL, NULL, 90000000 + customer_id FROM customers""");
                statement.execute("""
                        INSERT INTO email_messages SELECT 90000000 + customer_id, customer_id, 'late', 'promotion',
                               TIMESTAMP '2026-08-04 08:00:00', TIMESTAMP '2026-08-04 08:30:00', NULL, NULL FROM customers""");
            }
            FeatureMatrix after = sets.labelled(Outcome.churn(90), CUTOFF);

            assertThat(after.ids()).containsExactly(before.ids());
            assertThat(after.names()).isEqualTo(before.names());
            for (int i = 0; i < before.rows(); i++) {
                assertThat(after.values()[i]).as("features of customer " + before.ids()[i]).containsExactly(before.values()[i]);
            }
            // the labels do see the new orders: nobody churned in the 90 days after the cut-off any more
            assertThat(before.positives()).isPositive();
            assertThat(after.positives()).isZero();
        }
    }

    @Test
    void model_output_fields_are_never_model_inputs() {
        Catalog catalog = DemoModels.catalog();
        assertThat(ModelInputs.of(catalog).columns()).doesNotContain("churn_risk", "churn_risk_tier",
                "purchase_propensity_30d", "rfm_score", "rfm_segment", "behaviour_cluster", "behaviour_cluster_id",
                "email", "phone", "first_name", "last_name", "birth_date");
        assertThat(ModelInputs.of(catalog).columns()).contains("days_since_last_order", "orders_365d");
    }
}
