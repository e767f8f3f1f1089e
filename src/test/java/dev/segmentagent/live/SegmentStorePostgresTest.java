package dev.segmentagent.live;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.util.Map;

/**
 * The same contract on a real PostgreSQL. {@code .ci/run} starts one and sets SEGMENT_TEST_PG_URL; without
 * it this class is skipped (JUnit reports the reason).
 */
@EnabledIfEnvironmentVariable(named = "SEGMENT_TEST_PG_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL: run .ci/postgres-up and set SEGMENT_TEST_PG_URL")
@MicronautTest(startApplication = false, environments = "postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentStorePostgresTest extends SegmentStoreContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return Map.of("datasources.default.url", System.getenv("SEGMENT_TEST_PG_URL"));
    }
}
