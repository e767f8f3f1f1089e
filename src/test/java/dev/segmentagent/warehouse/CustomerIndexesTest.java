package dev.segmentagent.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer-key indexes the event path reads a few customers' rows through. */
class CustomerIndexesTest {

    private static final List<String> BEHAVIOUR = List.of("customers", "orders", "order_items", "web_events",
            "email_messages", "sms_messages", "support_tickets");

    @TempDir
    Path dir;

    @Test
    void generated_tables_are_indexed_by_customer_and_regenerating_keeps_the_indexes() throws SQLException {
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory()) {
            DemoDataGenerator generator = new DemoDataGenerator();
            generator.generate(warehouse, GeneratorOptions.defaults(3).withCustomers(300), ProgressReporter.silent());
            generator.generate(warehouse, GeneratorOptions.defaults(4).withCustomers(200), ProgressReporter.silent());

            try (Connection connection = warehouse.connection()) {
                for (String table : BEHAVIOUR) {
                    assertThat(CustomerIndexes.present(connection, table)).as(table).isTrue();
                }
                for (String table : List.of("segment_members", "model_scores", "ingested_events")) {
                    assertThat(CustomerIndexes.present(connection, table)).as(table).isFalse();
                }
                // the index answers the regenerated rows, not the first generation's
                assertThat(count(connection, "SELECT count(*) FROM web_events WHERE customer_id IN (250, 260)")).isZero();
                assertThat(count(connection, "SELECT count(*) FROM customers WHERE customer_id IN (1, 200)")).isEqualTo(2);
            }
        }
    }

    @Test
    void a_bound_id_list_is_answered_from_the_index() throws SQLException {
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory()) {
            new DemoDataGenerator().generate(warehouse, GeneratorOptions.defaults(3).withCustomers(300),
                    ProgressReporter.silent());
            CustomerIndexes.ScopeFilter filter = CustomerIndexes.scopeFilter(new long[] {120, 3, 17}, "unused");
            try (Connection connection = warehouse.connection(); java.sql.PreparedStatement explain =
                    connection.prepareStatement("EXPLAIN ANALYZE SELECT * FROM web_events WHERE customer_id " + filter.sql())) {
                filter.bind(explain, 1);
                StringBuilder text = new StringBuilder();
                try (ResultSet plan = explain.executeQuery()) {
                    while (plan.next()) {
                        text.append(plan.getString(2));
                    }
                }
                assertThat(text.toString()).contains("Index Scan");
            }
            assertThat(CustomerIndexes.scopeFilter(new long[CustomerIndexes.LIST_LIMIT + 1], "scope").sql())
                    .as("a wide scope is semi-joined").isEqualTo("IN (SELECT customer_id FROM scope)");
        }
    }

    @Test
    void a_warehouse_made_before_indexes_gets_them_once_when_opened() throws SQLException {
        Path file = dir.resolve("warehouse.duckdb");
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.openFile(file)) {
            new DemoDataGenerator().generate(warehouse, GeneratorOptions.defaults(5).withCustomers(100),
                    ProgressReporter.silent());
            try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
                for (String table : BEHAVIOUR) {
                    CustomerIndexes.drop(statement, table);
                }
                assertThat(CustomerIndexes.present(connection, "web_events")).isFalse();
            }
        }
        try (DuckDbWarehouse reopened = DuckDbWarehouse.openFile(file); Connection connection = reopened.connection()) {
            for (String table : BEHAVIOUR) {
                assertThat(CustomerIndexes.present(connection, table)).as(table).isTrue();
            }
            assertThat(CustomerIndexes.ensure(connection)).as("nothing left to index").isEmpty();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
