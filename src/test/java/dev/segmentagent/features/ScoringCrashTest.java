package dev.segmentagent.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.jobs.JobRuns;
import dev.segmentagent.testing.ChildJvm;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 of a child JVM ({@link ScoringCrashChild}) while it trains the churn model, at three points: while it
 * scores the customers (before any output is written), as it writes the outputs, and while it rebuilds
 * customer_features (after the swap). After each restart, seen through the REST API and the warehouse: the run
 * is failed with the reason, the churn scores are one whole version (every customer, one model_version), the
 * registry's active version is that version, and customer_features.churn_risk reads exactly those scores. Then
 * a training through POST /api/models/churn/train succeeds.
 */
class ScoringCrashTest {

    private static final int CUSTOMERS = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KILL_ON = List.of("training churn: scoring (75%)",
            "training churn: writing outputs (90%)", "training churn: rebuilding customer features (95%)");

    @TempDir
    Path dir;
    /** Customers a churn version scores (the active ones): the same for every version on this data. */
    private long scored;

    static Map<String, Object> properties(Path dataDir, boolean server) {
        return Map.of("segment.data.dir", dataDir.toString(), "segment.data.demo-customers", CUSTOMERS,
                "micronaut.server.enabled", server, "segment.security.enabled", false);
    }

    @Test
    void a_training_killed_while_scoring_or_swapping_leaves_one_whole_version_and_a_failed_run() throws Exception {
        Path data = dir.resolve("data");
        String first;
        try (ApplicationContext context = ApplicationContext.run(properties(data, false), "test")) {
            ModelService.Result result = context.getBean(ModelService.class).train("churn", Progress.none());
            scored = ((Number) result.metrics().get("scored")).longValue();
            first = served(context.getBean(DuckDbWarehouse.class));
        }
        assertThat(first).isEqualTo("churn:v1");
        assertThat(scored).isPositive();

        List<String> outcomes = new ArrayList<>();
        for (String killOn : KILL_ON) {
            String runId;
            try (ChildJvm child = ChildJvm.start(ScoringCrashChild.class, killOn, data.toString())) {
                assertThat(child.awaitLine(240)).as("child reached '%s'; its last lines:\n%s", killOn, child.tail())
                        .isTrue();
                child.kill();
                assertThat(child.tail()).as("the kill came before the run finished").doesNotContain("TRAINED");
                runId = child.marked().get(0);
            }
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(data, true), "test");
                 HttpClient client = HttpClient.create(server.getURL())) {
                JsonNode run = JSON.readTree(client.toBlocking().retrieve("/api/models/runs/" + runId));
                assertThat(run.path("status").asText()).isEqualTo("FAILED");
                assertThat(run.path("error").asText()).isEqualTo(JobRuns.INTERRUPTED);
                outcomes.add(killOn + " -> " + assertOneWholeVersion(server.getApplicationContext(), client));
            }
        }
        System.out.println("scoring crash outcomes: " + outcomes);

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(data, true), "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            JsonNode run = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/models/churn/train", "")
                    .contentType(MediaType.APPLICATION_JSON)));
            long deadline = System.nanoTime() + 240_000_000_000L;
            while (!run.path("status").asText().equals("SUCCEEDED") && !run.path("status").asText().equals("FAILED")
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
                run = JSON.readTree(client.toBlocking().retrieve("/api/models/runs/" + run.path("id").asText()));
            }
            assertThat(run.path("status").asText()).as("training after the crashes: %s", run).isEqualTo("SUCCEEDED");
            assertThat(assertOneWholeVersion(server.getApplicationContext(), client))
                    .isEqualTo("churn:v" + run.path("version").asInt());
        }
    }

    /** Every customer scored by one version, the registry naming it active, customer_features reading it. */
    private String assertOneWholeVersion(ApplicationContext context, HttpClient client) throws Exception {
        DuckDbWarehouse warehouse = context.getBean(DuckDbWarehouse.class);
        String served = served(warehouse);
        try (Connection c = warehouse.connection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT customer_id) FROM model_scores "
                    + "WHERE model = 'churn'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("churn scores").isEqualTo(scored);
                assertThat(rs.getLong(2)).as("customers scored").isEqualTo(scored);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM customer_features f LEFT JOIN model_scores m "
                    + "ON m.model = 'churn' AND m.customer_id = f.customer_id WHERE f.churn_risk IS DISTINCT FROM m.score")) {
                rs.next();
                assertThat(rs.getLong(1)).as("customers whose churn_risk is not the served score").isZero();
            }
        }
        JsonNode model = JSON.readTree(client.toBlocking().retrieve("/api/models/churn"));
        assertThat("churn:v" + model.path("active").path("version").asInt()).as("active version").isEqualTo(served);
        return served;
    }

    private static String served(DuckDbWarehouse warehouse) throws Exception {
        try (Connection c = warehouse.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT model_version FROM model_scores WHERE model = 'churn'")) {
            List<String> labels = new ArrayList<>();
            while (rs.next()) {
                labels.add(rs.getString(1));
            }
            assertThat(labels).as("model_version values of the churn scores").hasSize(1);
            return labels.get(0);
        }
    }
}
