package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.segmentagent.eval.EvalCase;
import dev.segmentagent.eval.EvalReport;
import dev.segmentagent.eval.EvalRunner;
import dev.segmentagent.interpret.RequestInterpreter;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Runs the configured interpreter (the LLM agent when segment.llm.* is set, else the offline planner) over eval
 * cases on the configured data (demo data generated when empty) and writes a JSON and a markdown report.
 */
@Command(name = "eval", description = "Score the configured interpreter on eval cases: execution match, Jaccard, "
        + "field choice, clarify/decline, latency, tokens.")
class EvalCommand implements Callable<Integer> {

    @Option(names = "--cases", defaultValue = "eval/cases.jsonl", description = "JSON Lines case file (default ${DEFAULT-VALUE})")
    Path cases;

    @Option(names = "--out", defaultValue = "eval/reports", description = "folder for the reports (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--customers", description = "demo customers to generate when the data folder is empty")
    Integer customers;

    @Option(names = "--data-dir", description = "data folder (default: the configured segment.data.dir)")
    Path dataDir;

    @Option(names = "--catalog-dir", description = "catalog folder (default: DATA_DIR/catalog when an import drafted "
            + "one there, else the configured segment.catalog.dir)")
    Path catalogDir;

    @Option(names = "--member-ids", description = "produced member ids listed per case (default: all on imported "
            + "data, 20 otherwise)")
    Integer memberIds;

    @Override
    public Integer call() throws Exception {
        List<EvalCase> loaded = EvalCase.read(cases);
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.enabled", false);
        if (customers != null) {
            properties.put("segment.data.demo-customers", customers);
        }
        if (dataDir != null) {
            properties.put("segment.data.dir", dataDir.toString());
        }
        Path catalog = catalogDir;
        if (catalog == null && dataDir != null && Files.isRegularFile(dataDir.resolve("catalog/imported.yml"))) {
            catalog = dataDir.resolve("catalog");
        }
        if (catalog != null) {
            properties.put("segment.catalog.dir", catalog.toString());
            // imported data has no columns the demo models train on
            properties.put("segment.models.train-on-start", false);
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            RequestInterpreter interpreter = context.getBean(RequestInterpreter.class);
            EvalRunner runner = context.getBean(EvalRunner.class);
            int ids = memberIds != null ? memberIds : runner.importedData() ? Integer.MAX_VALUE : 20;
            EvalReport report = runner.run(interpreter, loaded, ids);
            Files.createDirectories(out);
            String base = interpreter.name().replaceAll("[^A-Za-z0-9._-]+", "-");
            Path md = out.resolve(base + ".md");
            Path json = out.resolve(base + ".json");
            Files.writeString(md, report.toMarkdown());
            ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            Files.writeString(json, mapper.writeValueAsString(report));
            System.out.printf(Locale.ROOT, "%s on %d cases: execution match %.1f%% (%d/%d answerable; without "
                            + "needs-models %.1f%%), clarify/decline %.1f%%, p50 %d ms, p95 %d ms%n",
                    interpreter.name(), loaded.size(), 100 * report.all().exactRate(), report.all().exact(),
                    report.all().answerable(), 100 * report.withoutModels().exactRate(),
                    100 * report.all().behaviourRate(), report.latencyP50Millis(), report.latencyP95Millis());
            System.out.println("reports: " + md + ", " + json);
        }
        return 0;
    }
}
