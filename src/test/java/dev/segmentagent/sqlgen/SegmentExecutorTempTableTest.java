package dev.segmentagent.sqlgen;

import dev.segmentagent.testing.FixtureData;
import dev.segmentagent.testing.TestCatalog;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A full refresh keeps segment members in DuckDB: a checked SELECT's rows go into a TEMP table, nothing else. */
class SegmentExecutorTempTableTest {

    static DuckDbWarehouse warehouse;
    static final SegmentExecutor EXECUTOR = new SegmentExecutor(null, SqlPolicy.forCatalog(TestCatalog.catalog()));

    @BeforeAll
    static void open() {
        warehouse = FixtureData.create(1, 5);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void the_rows_of_a_checked_select_stay_in_the_connections_temp_table_after_its_read_only_transaction() throws Exception {
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE members (tag INTEGER, customer_id BIGINT)");

            long rows = EXECUTOR.insertIntoTemp(connection, "members",
                    "SELECT CAST(? AS INTEGER) AS tag, f.customer_id FROM customer_features f WHERE f.customer_id IS NOT NULL",
                    List.of(7));

            assertThat(rows).isPositive().isEqualTo(count(statement, "SELECT count(*) FROM customer_features"));
            assertThat(count(statement, "SELECT count(*) FROM members WHERE tag = 7")).isEqualTo(rows);
            assertThat(connection.getAutoCommit()).as("no transaction left open").isTrue();
        }
    }

    @Test
    void a_statement_the_policy_refuses_inserts_nothing_not_even_its_batch_and_leaves_the_connection_usable() throws Exception {
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE members (tag INTEGER, customer_id BIGINT)");

            assertThatThrownBy(() -> EXECUTOR.insertIntoTemp(connection, "members",
                    "SELECT 1, customer_id FROM customers_secret", List.of()))
                    .isInstanceOf(PolicyViolationException.class);
            assertThatThrownBy(() -> EXECUTOR.insertIntoTemp(connection, "members; DROP TABLE orders",
                    "SELECT 1, customer_id FROM customer_features", List.of()))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThatThrownBy(() -> EXECUTOR.insertIntoTemp(connection, "members", List.of(
                    new SegmentExecutor.Query("SELECT 1, customer_id FROM customer_features", List.of()),
                    new SegmentExecutor.Query("SELECT 2, customer_id FROM customers_secret", List.of()))))
                    .as("statements run together keep all their rows or none")
                    .isInstanceOf(PolicyViolationException.class);

            assertThat(count(statement, "SELECT count(*) FROM members")).isZero();
            assertThat(EXECUTOR.insertIntoTemp(connection, "members", "SELECT 1, customer_id FROM customer_features",
                    List.of())).isPositive();
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
