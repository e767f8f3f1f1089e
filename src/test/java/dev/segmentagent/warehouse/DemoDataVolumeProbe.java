package dev.segmentagent.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures a full-size generation into a file; run by hand, e.g.
 * {@code mvn -o test -Dtest=DemoDataVolumeProbe -Dvolume=1000000}. Writes /tmp/segment-demo-N.duckdb and
 * deletes it unless -Dkeep=true.
 */
class DemoDataVolumeProbe {

    @Test
    @EnabledIfSystemProperty(named = "volume", matches = "\\d+")
    void generate_a_file_and_report_time_and_size() throws Exception {
        int customers = Integer.getInteger("volume");
        Path file = Path.of("/tmp", "segment-demo-" + customers + ".duckdb");
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + ".wal"));
        GenerationReport report;
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.openFile(file)) {
            report = new DemoDataGenerator().generate(warehouse,
                    GeneratorOptions.defaults(42).withCustomers(customers), ProgressReporter.console());
        }
        System.out.printf("customers=%d elapsed=%.1fs size=%.1fMiB rows=%s%n", customers,
                report.elapsed().toMillis() / 1000.0, Files.size(file) / (1024.0 * 1024.0), report.rowCounts());
        if (!Boolean.getBoolean("keep")) {
            Files.delete(file);
        }
    }
}
