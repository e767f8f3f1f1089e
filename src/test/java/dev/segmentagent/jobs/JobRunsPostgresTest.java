package dev.segmentagent.jobs;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.file.Path;
import java.util.Map;

/** The job_run contract on a real PostgreSQL ({@code .ci/run} sets SEGMENT_TEST_PG_URL; skipped without it). */
@EnabledIfEnvironmentVariable(named = "SEGMENT_TEST_PG_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL: run .ci/postgres-up and set SEGMENT_TEST_PG_URL")
@MicronautTest(startApplication = false, environments = "postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobRunsPostgresTest extends JobRunsContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return Map.of("datasources.default.url", System.getenv("SEGMENT_TEST_PG_URL"), "segment.data.dir",
                Path.of("target", "test-data", "jobs-pg-" + System.nanoTime()).toAbsolutePath().toString(),
                "segment.data.demo-customers", "200");
    }
}
