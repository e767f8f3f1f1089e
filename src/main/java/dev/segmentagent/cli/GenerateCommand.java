package dev.segmentagent.cli;

import dev.segmentagent.bootstrap.DataPreparation;
import dev.segmentagent.warehouse.GenerationReport;
import dev.segmentagent.warehouse.ProgressReporter;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** Generates (or regenerates) the demo data into a data folder, with a progress bar. */
@Command(name = "generate", description = "Generate demo data (customers, orders, events, email/SMS, tickets) "
        + "into the data folder's DuckDB file, replacing what is there, then build features and profiles.")
class GenerateCommand implements Callable<Integer> {

    @Option(names = "--customers", defaultValue = "50000", description = "number of customers (default ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--seed", defaultValue = "42", description = "random seed: same seed, same data (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--data-dir", defaultValue = "./data", description = "data folder (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> properties = Map.of(
                "segment.data.dir", dataDir.toString(),
                "segment.data.generate-if-empty", false,
                "segment.startup.prepare-data", false,
                "micronaut.server.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                .eagerInitSingletons(false).start()) {
            GenerationReport report = context.getBean(DataPreparation.class)
                    .generateDemo(customers, seed, ProgressReporter.console());
            Path file = dataDir.resolve("warehouse.duckdb");
            System.out.println(report);
            System.out.printf("DuckDB file %s: %,d bytes%n", file, Files.size(file));
        }
        return 0;
    }
}
