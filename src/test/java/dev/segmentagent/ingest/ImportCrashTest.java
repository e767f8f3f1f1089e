package dev.segmentagent.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.jobs.JobRuns;
import dev.segmentagent.testing.ChildJvm;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 of a child JVM ({@link ImportCrashChild}) in the middle of an import's copy into the warehouse, then a
 * restart on the same data folder, seen through the REST API: the warehouse holds exactly the data from before
 * (checksums of every table the import replaces), the half-copied staging tables are gone, the import job is
 * failed with the reason, and running the same import again succeeds.
 */
class ImportCrashTest {

    private static final int CUSTOMERS = 300_000;
    private static final int ORDERS = 600_000;
    /** The tables an import of customers and orders replaces or rewrites. */
    private static final List<String> TABLES = List.of("customers", "orders", "warehouse_meta", "customer_features");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Map<String, Object> properties(Path dataDir, boolean server) {
        return Map.of("segment.data.dir", dataDir.toString(), "segment.data.demo-customers", 2000,
                "micronaut.server.enabled", server, "segment.security.enabled", false);
    }

    static ImportRequest request(Path customers, Path orders) {
        return new ImportRequest(ImportSource.File.of(customers), ImportSource.File.of(orders), null, "cust_id",
                "cust_id", null, false);
    }

    @Test
    void an_import_killed_mid_copy_leaves_the_old_data_and_a_failed_job_and_runs_again() throws Exception {
        Path data = dir.resolve("data");
        Path customers = dir.resolve("customers.csv");
        Path orders = dir.resolve("orders.csv");
        writeSources(customers, orders);
        Map<String, String> before;
        try (ApplicationContext first = ApplicationContext.run(properties(data, false), "test")) {
            before = checksums(first.getBean(dev.segmentagent.warehouse.DuckDbWarehouse.class).connection());
        }
        assertThat(before.get("customers")).startsWith("2000 ");

        List<String> stagesAtKill = List.of();
        for (int attempt = 1; attempt <= 3 && stagesAtKill.isEmpty(); attempt++) {
            try (ChildJvm child = ChildJvm.start(ImportCrashChild.class, ImportCrashChild.COPYING, data.toString(),
                    customers.toString(), orders.toString())) {
                assertThat(child.awaitLine(240)).as("child reached the copy; its last lines:\n%s", child.tail()).isTrue();
                Thread.sleep(ThreadLocalRandom.current().nextInt(0, 150));
                child.kill();
                assertThat(child.tail()).as("the kill came before the import finished").doesNotContain("IMPORTED");
            }
            stagesAtKill = stages(data.resolve("warehouse.duckdb"));
        }
        assertThat(stagesAtKill).as("the kill left a half-copied staging table (evidence it landed mid-copy)")
                .isNotEmpty();

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(data, true), "test");
             HttpClient client = HttpClient.create(server.getURL(), slowClient())) {
            var warehouse = server.getApplicationContext().getBean(dev.segmentagent.warehouse.DuckDbWarehouse.class);
            assertThat(checksums(warehouse.connection())).as("the warehouse after restart = before the import")
                    .isEqualTo(before);
            assertThat(stageTables(warehouse.connection())).as("staging tables after restart").isEmpty();

            JsonNode jobs = JSON.readTree(client.toBlocking().retrieve("/api/imports/jobs"));
            assertThat(jobs).isNotEmpty();
            for (JsonNode job : jobs) {
                assertThat(job.path("status").asText()).isEqualTo("failed");
                assertThat(job.path("error").asText()).isEqualTo(JobRuns.INTERRUPTED);
                assertThat(job.path("tables").asText()).isEqualTo("customers,orders");
            }

            JsonNode report = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/imports",
                    Map.of("customers", customers.toString(), "orders", orders.toString(), "idColumn", "cust_id",
                            "customerColumn", "cust_id")).contentType(MediaType.APPLICATION_JSON)));
            assertThat(report.path("rows").path("customers").asLong()).isEqualTo(CUSTOMERS);
            assertThat(report.path("rows").path("orders").asLong()).isEqualTo(ORDERS);
            JsonNode latest = JSON.readTree(client.toBlocking().retrieve("/api/imports/jobs")).get(0);
            assertThat(latest.path("id").asText()).isEqualTo(report.path("job").asText());
            assertThat(latest.path("status").asText()).isEqualTo("succeeded");
            try (Connection c = warehouse.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), sum(customer_id) FROM customers")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(CUSTOMERS);
                assertThat(rs.getLong(2)).isEqualTo((long) CUSTOMERS * (CUSTOMERS + 1) / 2);
            }
        }
    }

    /** The re-run imports 900 000 rows on a shared machine: more than the default 10 s read timeout. */
    private static io.micronaut.http.client.HttpClientConfiguration slowClient() {
        var configuration = new io.micronaut.http.client.DefaultHttpClientConfiguration();
        configuration.setReadTimeout(java.time.Duration.ofMinutes(5));
        return configuration;
    }

    private static void writeSources(Path customers, Path orders) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i AS cust_id, 'customer ' || i AS name, ['free', 'pro', 'team'][1 + i % 3] AS plan, "
                    + "DATE '2023-01-01' + CAST(i % 700 AS INTEGER) AS signup_date FROM range(1, " + (CUSTOMERS + 1)
                    + ") t(i)) TO '" + customers + "' (HEADER)");
            s.execute("COPY (SELECT i AS order_id, 1 + i % " + CUSTOMERS + " AS cust_id, round((i % 997) * 1.37, 2) "
                    + "AS amount, TIMESTAMP '2024-01-01' + to_minutes(CAST(i % 500000 AS BIGINT)) AS ordered_at "
                    + "FROM range(" + ORDERS + ") t(i)) TO '" + orders + "' (HEADER)");
        }
    }

    /** Row count and an order-independent hash of every row, per table. */
    private static Map<String, String> checksums(Connection connection) throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        try (connection; Statement s = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), sum(hash(t)) FROM " + table + " t")) {
                    rs.next();
                    sums.put(table, rs.getLong(1) + " " + rs.getString(2));
                }
            }
        }
        return sums;
    }

    /** The staging tables in the warehouse file, read with a connection of its own while no service runs. */
    private static List<String> stages(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            return stageTables(c);
        }
    }

    private static List<String> stageTables(Connection connection) throws Exception {
        List<String> names = new ArrayList<>();
        try (connection; Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'import_stage_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
