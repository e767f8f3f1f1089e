package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Disk full under the data folder (a small tmpfs): what a REST client sees, and what is left. */
class DiskFullHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("customers", "orders", "web_events", "segment_members",
            "warehouse_meta");

    @TempDir
    Path dir;

    @Test
    void writes_on_a_full_disk_fail_with_a_problem_and_leave_the_previous_data() throws Exception {
        Path mount = dir.resolve("small-disk");
        Files.createDirectories(mount);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", mount.toString()),
                "cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN): disk full not tested");
        try {
            exercise(mount);
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    private void exercise(Path mount) throws Exception {
        Path data = mount.resolve("data");
        Path customers = dir.resolve("customers.csv");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i AS cust_id, 'customer ' || i || repeat('x', 60) AS name FROM range(1, 400001) t(i)) TO '"
                    + customers + "' (HEADER)");
        }
        Map<String, Object> properties = Map.of("segment.data.dir", data.toString(), "segment.data.demo-customers", 1500,
                "segment.security.enabled", false);
        Map<String, String> before;
        String segment;
        Path filler = mount.resolve("filler");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            segment = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/segments",
                    "{\"name\": \"big spenders\", \"definition\": {\"condition\": {\"type\": \"compare\", "
                            + "\"field\": \"revenue_total\", \"op\": \">=\", \"value\": 200}}}"))).get("id").asText();
            DuckDbWarehouse warehouse = server.getApplicationContext().getBean(DuckDbWarehouse.class);
            try (Connection c = warehouse.connection(); Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
            before = checksums(warehouse.connection());
            fill(filler);

            assertDiskFull(client, HttpRequest.POST("/api/imports", Map.of("customers", customers.toString(),
                    "idColumn", "cust_id")), "import");
            assertDiskFull(client, HttpRequest.POST("/api/events", event("e-full-1")), null);
            // the import's failed job record may already have made the embedded H2 close itself on the full disk:
            // then the refresh cannot even start its run record and answers 503 store-unavailable (retryable)
            assertDiskFullOrStoreUnavailable(client, HttpRequest.POST("/api/segments/" + segment + "/refresh", ""));
            assertThat(checksums(warehouse.connection())).as("the warehouse after the refused writes").isEqualTo(before);
            assertThat(ingested(warehouse, "e-full-1")).as("a refused event is not stored").isZero();

            Files.delete(filler);
            HttpResponse<String> accepted = client.toBlocking().exchange(HttpRequest.POST("/api/events",
                    event("e-full-2")), String.class);
            assertThat(accepted.getStatus().getCode()).as("events once space is freed").isEqualTo(202);
            assertThat(ingested(warehouse, "e-full-2")).isOne();
            // The embedded H2 closed itself after its failed write; the pool may hand out a dead connection or two
            // (503 store-unavailable or 507 disk-full, which a client retries) before a new one reopens the file.
            int status = 0;
            for (int attempt = 1; attempt <= 10 && status != 200; attempt++) {
                try {
                    status = client.toBlocking().exchange(HttpRequest.POST("/api/segments/" + segment + "/refresh", ""),
                            String.class).getStatus().getCode();
                } catch (HttpClientResponseException e) {
                    String body = e.getResponse().getBody(String.class).orElse("");
                    System.out.println("disk freed, refresh attempt " + attempt + ": " + e.getStatus().getCode() + " " + body);
                    // a pooled connection to the closed H2 may still report its last error (disk-full) once
                    assertThat(e.getStatus().getCode()).as(body).isIn(503, 507);
                    assertThat(JSON.readTree(body).path("code").asText()).isIn("store-unavailable", "disk-full");
                    Thread.sleep(500);
                }
            }
            assertThat(status).as("a refresh once space is freed").isEqualTo(200);
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            DuckDbWarehouse warehouse = server.getApplicationContext().getBean(DuckDbWarehouse.class);
            Map<String, String> after = checksums(warehouse.connection());
            for (String table : List.of("customers", "orders", "warehouse_meta")) {
                assertThat(after.get(table)).as("%s after a restart", table).isEqualTo(before.get(table));
            }
            assertThat(ingested(warehouse, "e-full-1")).isZero();
            assertThat(ingested(warehouse, "e-full-2")).as("the acknowledged event survives the restart").isOne();
        }
    }

    private static String event(String id) {
        return "{\"eventId\": \"" + id + "\", \"customerId\": 1, \"type\": \"add_to_cart\", \"occurredAt\": \""
                + Instant.parse("2026-10-31T12:00:00Z") + "\", \"properties\": {\"category\": \"toys\", "
                + "\"product_id\": \"p1\", \"platform\": \"web\"}}";
    }

    /** 507 disk-full, or 503 store-unavailable when the metadata store already closed itself: never a 500. */
    private static void assertDiskFullOrStoreUnavailable(HttpClient client, HttpRequest<?> request) throws Exception {
        HttpClientResponseException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
        assertThat(e).as("%s on a full disk", request.getPath()).isNotNull();
        String body = e.getResponse().getBody(String.class).orElse("");
        System.out.println("disk full: " + request.getPath() + " -> " + e.getStatus().getCode() + " " + body);
        assertThat(e.getResponse().getContentType().map(MediaType::toString)).hasValue("application/problem+json");
        String code = JSON.readTree(body).path("code").asText();
        if (e.getStatus().getCode() == 503) {
            assertThat(code).as(body).isEqualTo("store-unavailable");
        } else {
            assertThat(e.getStatus().getCode()).as(body).isEqualTo(507);
            assertThat(code).isEqualTo("disk-full");
        }
    }

    /** 507 problem+json with code disk-full (and the given stage, when given). */
    private static void assertDiskFull(HttpClient client, HttpRequest<?> request, String stage) throws Exception {
        HttpClientResponseException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
        assertThat(e).as("%s on a full disk", request.getPath()).isNotNull();
        String body = e.getResponse().getBody(String.class).orElse("");
        System.out.println("disk full: " + request.getPath() + " -> " + e.getStatus().getCode() + " " + body);
        assertThat(e.getStatus().getCode()).as(body).isEqualTo(507);
        assertThat(e.getResponse().getContentType().map(MediaType::toString)).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("code").asText()).isEqualTo("disk-full");
        if (stage != null) {
            assertThat(problem.path("stage").asText()).isEqualTo(stage);
        }
    }

    private static long ingested(DuckDbWarehouse warehouse, String eventId) throws Exception {
        try (Connection c = warehouse.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM ingested_events WHERE event_id = '" + eventId + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Writes zeros until the file system refuses. */
    private static void fill(Path filler) {
        ByteBuffer chunk = ByteBuffer.allocate(256 * 1024);
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            while (true) {
                chunk.clear();
                out.write(chunk);
            }
        } catch (IOException full) {
            // the disk is full
        }
    }

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

    private static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
