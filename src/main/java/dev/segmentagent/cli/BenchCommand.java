package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.segmentagent.bench.BenchReport;
import dev.segmentagent.bench.GrowthTable;
import dev.segmentagent.bench.SegmentBench;
import dev.segmentagent.features.MlBench;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Prints, on demo data of a given size (generated once per data folder, then reused), as a table and as JSON:
 * start-up and heap, validate+compile and preview latency, offline planner latency, full refresh of n saved
 * segments against hand-written SQL, and event-to-membership latency at sustained rates.
 */
@Command(name = "bench", description = "Measure compile, preview, planner, refresh and event latency on demo data of a given size.")
class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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

    @Option(names = "--growth", split = ",", description = "instead of measuring: read bench JSON reports of different "
            + "sizes (comma-separated) and print how each cost grows from the smallest to the largest")
    List<Path> growth;

    @Option(names = "--chart", description = "with --growth: also draw the data-bound costs as a log-log PNG chart")
    Path chart;

    @Option(names = "--ml", description = "run the ML bench instead (churn training and scoring, k-means; Tribuo "
            + "side by side with XGBoost and scikit-learn from python3 on the same exported data)")
    boolean ml;

    @Option(names = "--ml-train-rows", defaultValue = "100000", description = "labelled customers the ML bench trains on")
    int mlTrainRows;

    @Option(names = "--ml-k", defaultValue = "8", description = "k of the ML bench's fixed-k k-means")
    int mlK;

    @Option(names = "--python", description = "python interpreter for the ML bench's peer (default: python3, then /usr/bin/python3)")
    String python;

    @Option(names = "--refresh-segments", split = ",", defaultValue = "100,1000",
            description = "saved-segment counts for the full-refresh bench, comma-separated; 0 skips (default ${DEFAULT-VALUE})")
    List<Integer> refreshSegments;

    @Option(names = "--event-rates", split = ",", defaultValue = "1000,5000",
            description = "sustained events per second for the latency bench, comma-separated; 0 skips (default ${DEFAULT-VALUE})")
    List<Integer> eventRates;

    @Option(names = "--event-seconds", defaultValue = "30", description = "seconds each event rate is sustained (the first second runs with cold caches and JIT, so short runs mostly measure start-up)")
    int eventSeconds;

    @Option(names = "--planner-rounds", defaultValue = "5", description = "rounds over the planner requests; 0 skips")
    int plannerRounds;

    @Option(names = "--token-requests", defaultValue = "20", description = "planner requests sent through the LLM agent "
            + "for the tokens-per-request section, at 80, the catalog's own and 500 fields; 0 skips. Uses the configured "
            + "endpoint (segment.llm.base-url / SEGMENT_LLM_BASE_URL) when there is one, else an in-process loopback "
            + "endpoint whose prompts are counted with the o200k tokenizer (default ${DEFAULT-VALUE})")
    int tokenRequests;

    @Option(names = "--duckdb-memory", defaultValue = "3GB", description = "DuckDB memory_limit for the measurements")
    String duckDbMemory;

    @Override
    public Integer call() throws Exception {
        if (growth != null) {
            return growth();
        }
        if (chart != null) {
            throw new ParameterException(spec.commandLine(), "--chart draws the growth of bench reports: give them with --growth");
        }
        Path dir = dataDir != null ? dataDir : Path.of("data", "bench-" + customers);
        if (ml) {
            return MlBenchRun.run(dir, customers, new MlBench.Options(mlTrainRows, mlK, dir.resolve("ml-bench"), python), json);
        }
        Map<String, Object> properties = Map.of(
                "segment.data.dir", dir.toString(),
                "segment.data.demo-customers", customers,
                "micronaut.server.enabled", false,
                // no scheduled refresh may run in the middle of a measurement
                "segment.live.schedule-enabled", false);
        boolean generated = !Files.exists(dir.resolve("warehouse.duckdb"));
        long started = System.nanoTime();
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            double startSeconds = (System.nanoTime() - started) / 1e9;
            DuckDbWarehouse warehouse = context.getBean(DuckDbWarehouse.class);
            long duckDbMemory = configureAndMeasure(warehouse);
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            BenchReport.Startup startup = new BenchReport.Startup(startSeconds, generated,
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20, duckDbMemory >> 20);
            SegmentBench.Options options = new SegmentBench.Options(compileRounds, previewRounds,
                    positive(refreshSegments), positive(eventRates), eventSeconds, plannerRounds, tokenRequests);
            BenchReport report = context.getBean(SegmentBench.class).run(options, startup);
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

    private int growth() throws java.io.IOException {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        if (growth.size() < 2) {
            throw new ParameterException(spec.commandLine(), "--growth needs the JSON reports of at least two sizes");
        }
        List<BenchReport> reports = new java.util.ArrayList<>();
        for (Path file : growth) {
            if (!Files.isRegularFile(file)) {
                System.err.println("no bench report at " + file + " (write one with bench --json)");
                return ExitCode.NOT_FOUND;
            }
            reports.add(mapper.readValue(file.toFile(), BenchReport.class));
        }
        GrowthTable table = GrowthTable.of(reports);
        System.out.print(table.toMarkdown());
        if (chart != null) {
            table.writeChart(chart);
            System.out.println("chart: " + chart);
        }
        return 0;
    }

    /** Caps DuckDB's memory as the bench's machine requires and returns what DuckDB holds now (bytes). */
    private long configureAndMeasure(DuckDbWarehouse warehouse) throws SQLException {
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = '" + duckDbMemory.replace("'", "") + "'");
            try (ResultSet rs = statement.executeQuery("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Integer> positive(List<Integer> values) {
        return values == null ? List.of() : values.stream().filter(v -> v > 0).toList();
    }
}
