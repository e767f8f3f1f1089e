package dev.segmentagent.features;

import dev.segmentagent.jobs.JobRunRecord;
import dev.segmentagent.jobs.JobRuns;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one crash point {@link ScoringCrashTest} cannot aim a kill at (a few milliseconds wide): the outputs of
 * version 2 are swapped into DuckDB but the registry was not updated. The state such a kill leaves is built
 * here directly (train v2, then take its registry row away and re-activate v1, with the training job left
 * running), and a restart must make v2 the active version, with its metrics, and fail the job.
 */
class ModelRecoveryTest {

    @TempDir
    Path dataDir;

    @Test
    void after_a_kill_between_the_output_swap_and_the_registry_the_served_version_becomes_the_active_one() throws Exception {
        Map<String, Object> properties = ScoringCrashTest.properties(dataDir, false);
        JobRunRecord job;
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            ModelService models = context.getBean(ModelService.class);
            models.train("churn", Progress.none());
            models.train("churn", Progress.none());
            ModelVersionRepository versions = context.getBean(ModelVersionRepository.class);
            ModelVersionRecord v2 = versions.findByNameAndActiveTrue("churn").orElseThrow();
            assertThat(v2.version()).isEqualTo(2);
            versions.delete(v2);
            ModelVersionRecord v1 = versions.findByNameOrderByVersionDesc("churn").get(0);
            versions.update(v1.activated(true));
            JobRuns jobs = context.getBean(JobRuns.class);
            job = jobs.progress(jobs.queue(JobRunRecord.TRAINING, "churn"), "writing outputs", 90);
        }
        try (ApplicationContext restarted = ApplicationContext.run(properties, "test")) {
            ModelRegistry registry = restarted.getBean(ModelRegistry.class);
            ModelVersionRecord active = registry.active("churn").orElseThrow();
            assertThat(active.version()).isEqualTo(2);
            assertThat(active.metricsJson()).contains("holdout_roc_auc");
            assertThat(registry.versions("churn")).extracting(ModelVersionRecord::version).containsExactly(2, 1);
            JobRunRecord failed = restarted.getBean(JobRuns.class).find(job.id()).orElseThrow();
            assertThat(failed.status()).isEqualTo(JobRunRecord.FAILED);
            assertThat(failed.error()).isEqualTo(JobRuns.INTERRUPTED);
            try (Connection c = restarted.getBean(DuckDbWarehouse.class).connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM customer_features f LEFT JOIN model_scores m "
                         + "ON m.model = 'churn' AND m.customer_id = f.customer_id WHERE f.churn_risk IS DISTINCT FROM m.score")) {
                rs.next();
                assertThat(rs.getLong(1)).as("customers whose churn_risk is not the served score").isZero();
            }
        }
    }
}
