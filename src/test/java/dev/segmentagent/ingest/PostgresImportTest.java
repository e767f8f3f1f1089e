package dev.segmentagent.ingest;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.ProgressReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC source on a real PostgreSQL ({@code .ci/run} starts one); H2 covers the same path in ImporterTest. */
@EnabledIfEnvironmentVariable(named = "SEGMENT_TEST_PG_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL: run .ci/postgres-up and set SEGMENT_TEST_PG_URL")
class PostgresImportTest {

    @Test
    void a_postgres_table_imports_with_its_types() throws Exception {
        String url = System.getenv("SEGMENT_TEST_PG_URL");
        String user = System.getenv().getOrDefault("METADATA_DB_USER", "segment_agent");
        String password = System.getenv().getOrDefault("METADATA_DB_PASSWORD", "segment_agent");
        String table = "import_test_" + System.nanoTime();
        try (Connection pg = DriverManager.getConnection(url, user, password); Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + table + " (customer_id BIGINT, tier TEXT, since TIMESTAMPTZ, balance NUMERIC(10,2))");
            s.execute("INSERT INTO " + table + " VALUES (1, 'gold', '2024-01-01 10:00:00+00', 12.50), (2, 'silver', NULL, 3)");
            try (DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory()) {
                new Importer("1GB").run(warehouse, new ImportRequest(new ImportSource.Jdbc(url, user, password, table),
                        null, null, null, null, null, false), ProgressReporter.silent());
                List<String> rows = new ArrayList<>();
                try (Connection c = warehouse.connection(); Statement q = c.createStatement();
                     ResultSet rs = q.executeQuery("SELECT customer_id, tier, CAST(since AS VARCHAR), balance FROM customers ORDER BY 1")) {
                    while (rs.next()) {
                        rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getDouble(4));
                    }
                }
                assertThat(rows).containsExactly("1|gold|2024-01-01 10:00:00|12.5", "2|silver|null|3.0");
            } finally {
                s.execute("DROP TABLE " + table);
            }
        }
    }
}
