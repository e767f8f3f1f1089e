package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench --ml} on a small data set, as CI runs it: every Java figure is reported, and the Python peer
 * either ran on the exported matrices (when python3 with scikit-learn and xgboost is installed) or is skipped
 * with a message saying why. Never asserts a time.
 */
class MlBenchSmokeTest {

    @Test
    void ml_bench_on_small_demo_data_reports_java_figures_and_the_python_peer_or_why_it_was_skipped() throws Exception {
        Path dataDir = Path.of("target", "ml-bench-smoke", "data");
        Path json = Path.of("target", "ml-bench-smoke", "report.json");
        Files.createDirectories(json.getParent());
        Files.deleteIfExists(json);

        CommandRun run = CommandRun.of("bench", "--ml", "--customers", "2000",
                    "--data-dir", dataDir.toString(), "--ml-train-rows", "800", "--ml-k", "4", "--json", json.toString());
        int exit = run.exit();
        String table = run.out();

        assertThat(exit).isZero();
        assertThat(table).contains("churn training (s)", "scoring, predict, median of 3 (s)", "k-means fit, median of 3 (s)", "k-means inertia",
                "Lloyd iterations to converge", "Timers.");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("data").path("churn_train_rows").asInt()).isBetween(1, 800);
        assertThat(report.path("data").path("scored_rows").asInt()).isPositive();
        assertThat(report.path("data").path("omp_wait_policy").asText()).isNotBlank();
        assertThat(report.path("data").path("kmeans_rows").asInt()).isEqualTo(2000);
        JsonNode java = report.path("java");
        assertThat(java.path("churn_holdout_auc").asDouble()).isBetween(0.5, 1.0);
        assertThat(java.path("kmeans_inertia").asDouble()).isPositive();
        // Tribuo's iterations are counted from its log: a Tribuo upgrade that rewords that line shows here
        assertThat(java.path("kmeans_iterations").asInt()).isBetween(1, 100);
        assertThat(java.path("kmeans_fit_first_s").asDouble()).isPositive();
        assertThat(java.path("score_predict_s").asDouble()).isPositive();
        if (report.path("python").isObject()) {
            // same data, same parameters: quality must be comparable, whatever the speed
            JsonNode python = report.path("python");
            assertThat(python.path("xgb_holdout_auc").asDouble()).isBetween(java.path("churn_holdout_auc").asDouble() - 0.05, 1.0);
            assertThat(python.path("kmeans_inertia").asDouble()).isPositive();
            assertThat(python.path("kmeans_iterations").asInt()).isBetween(1, 100);
            assertThat(python.path("xgb_predict_rows").asInt()).isEqualTo(report.path("data").path("scored_rows").asInt());
            assertThat(table).contains("Python peer: ran with");
        } else {
            assertThat(report.path("python_note").asText()).startsWith("skipped").contains("python3");
            assertThat(table).contains("Python peer: skipped");
        }
    }
}
