package dev.segmentagent.jobs;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.Map;

@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobRunsH2Test extends JobRunsContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return Map.of("segment.data.dir", Path.of("target", "test-data", "jobs-" + System.nanoTime()).toAbsolutePath()
                .toString(), "segment.data.demo-customers", "200");
    }
}
