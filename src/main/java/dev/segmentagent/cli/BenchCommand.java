package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.segmentagent.bench.BenchReport;
import dev.segmentagent.bench.SegmentBench;
import dev.segmentagent.features.MlBench;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Prints validate+compile and preview latencies on demo data of a given size (generated once per data folder,
 * then reused), as a table and as JSON.
 */
@Command(name = "bench", description = "Measure validate+compile and preview latency on demo data of a given size.")
class BenchCommand implements Callable<Integer> {

    @Option(names = "--customers", defaultValue = "50000", description = "demo customers (default ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--data-dir", description = "data folder to generate into or reuse (default ./data/bench-<customers>)")
    Path dataDir;

    @Option(names = "--compile-rounds", defaultValue = "200", description = "rounds over the mix for validate+compile")
    int compileRounds;

    @Option(names = "--preview-rounds", defaultValue = "10", description = "previews per definition of the mix")
    int previewRounds;

    @Option(names = "--json", description = "also write the report as JSON to this file")
    Path json;

    @Option(names = "--ml", description = "run the ML bench instead (churn training and scoring, k-means; Tribuo "
            + "side by side with XGBoost and scikit-learn from python3 on the same exported data)")
    boolean ml;

    @Option(names = "--ml-train-rows", defaultValue = "100000", description = "labelled customers the ML bench trains on")
    int mlTrainRows;

    @Option(names = "--ml-k", defaultValue = "8", description = "k of the ML bench's fixed-k k-means")
    int mlK;

    @Option(names = "--python", description = "python interpreter for the ML bench's peer (default: python3, then /usr/bin/python3)")
    String python;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : Path.of("data", "bench-" + customers);
        if (ml) {
            return MlBenchRun.run(dir, customers, new MlBench.Options(mlTrainRows, mlK, dir.resolve("ml-bench"), python), json);
        }
        Map<String, Object> properties = Map.of(
                "segment.data.dir", dir.toString(),
                "segment.data.demo-customers", customers,
                "micronaut.server.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            BenchReport report = context.getBean(SegmentBench.class).run(compileRounds, previewRounds);
            System.out.println(report.toTable());
            if (json != null) {
                ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
                Files.writeString(json, mapper.writeValueAsString(report));
                System.out.println("JSON report: " + json);
            }
        }
        return 0;
    }
}
