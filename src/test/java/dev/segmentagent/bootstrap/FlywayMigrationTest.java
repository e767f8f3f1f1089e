package dev.segmentagent.bootstrap;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FlywayMigrationTest {

    private static final List<String> METADATA_TABLES = List.of("segment", "segment_version", "refresh_run",
            "audit_entry");

    @Test
    void migrations_create_the_metadata_schema_on_an_empty_h2_database() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
            MigrateResult result = Flyway.configure().dataSource(url, "sa", "").load().migrate();

            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
            assertThat(tables(keepAlive, "public")).containsAll(METADATA_TABLES);
            // a second run is a no-op: start-up on an existing database must not fail or re-apply
            assertThat(Flyway.configure().dataSource(url, "sa", "").load().migrate().migrationsExecuted).isZero();
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "SEGMENT_TEST_PG_URL", matches = "jdbc:postgresql:.+",
            disabledReason = "no PostgreSQL: run .ci/postgres-up and set SEGMENT_TEST_PG_URL")
    void migrations_create_the_metadata_schema_on_an_empty_postgresql_schema() throws Exception {
        String schema = "flyway_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = System.getenv("SEGMENT_TEST_PG_URL");
        try (Connection connection = DriverManager.getConnection(url, "segment_agent", "segment_agent")) {
            MigrateResult result = Flyway.configure().dataSource(url, "segment_agent", "segment_agent")
                    .schemas(schema).createSchemas(true).load().migrate();

            assertThat(result.success).isTrue();
            assertThat(tables(connection, schema)).containsAll(METADATA_TABLES);
            connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static List<String> tables(Connection connection, String schema) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }
}
