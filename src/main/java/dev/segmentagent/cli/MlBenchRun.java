package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.segmentagent.features.MlBench;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code bench --ml}: the ML bench on a data folder (demo data generated there when empty), table and JSON. */
final class MlBenchRun {

    private MlBenchRun() {
    }

    static int run(Path dir, int customers, MlBench.Options options, Path json) throws Exception {
        Map<String, Object> properties = Map.of(
                "segment.data.dir", dir.toString(),
                "segment.data.demo-customers", customers,
                // the bench times training itself: no background training competing for the cores
                "segment.models.train-on-start", false,
                "micronaut.server.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            MlBench.Report report = context.getBean(MlBench.class).run(options);
            System.out.println(report.table());
            if (json != null) {
                Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(report.figures()));
                System.out.println("JSON report: " + json);
            }
        }
        return 0;
    }
}
