package dev.segmentagent.cli;

import dev.segmentagent.catalog.ModelSpec;
import dev.segmentagent.cli.CliRun.CliException;
import dev.segmentagent.features.ModelService;
import dev.segmentagent.features.TrainingRuns;
import dev.segmentagent.features.TrainingRuns.RunView;
import dev.segmentagent.warehouse.ProgressReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Trains models through TrainingRuns, the queue behind POST /api/models/{name}/train, following each run's
 * phase and percentage with a progress bar, then prints the new version's metrics.
 */
@Command(name = "train", description = "Train models (new active versions) and print their metrics. "
        + "Exit codes: 0 all trained, 1 a training failed, 3 unknown model.")
class TrainCommand implements Callable<Integer> {

    /** RFM and clusters first: the classifiers may use their outputs as features, as "train all" does at start. */
    private static final List<String> ORDER = List.of("rfm", "behaviour", "churn", "purchase_propensity");

    @Option(names = "--model", defaultValue = "all", paramLabel = "NAME",
            description = "churn, purchase_propensity, rfm, clusters (the behaviour clusters) or all (default ${DEFAULT-VALUE})")
    String model;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        return CliRun.withContext(data, Map.of(), (context, out) -> {
            ModelService models = context.getBean(ModelService.class);
            TrainingRuns runs = context.getBean(TrainingRuns.class);
            List<String> names = chosen(models);
            int failed = 0;
            for (String name : names) {
                RunView run = follow(runs, runs.submit(name));
                if (run.status() == TrainingRuns.Status.SUCCEEDED) {
                    out.printf("%s version %d:%n", name, run.version());
                    new TreeMap<>(run.metrics()).forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %s%n", k, format(v)));
                } else {
                    failed++;
                    System.err.printf("error: training %s failed in phase '%s': %s%n", name, run.phase(), run.error());
                }
            }
            return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
        });
    }

    private List<String> chosen(ModelService models) {
        List<String> available = models.models().stream().map(ModelSpec::name).toList();
        String wanted = "clusters".equalsIgnoreCase(model) ? "behaviour" : model.toLowerCase(Locale.ROOT);
        if ("all".equals(wanted)) {
            List<String> all = new ArrayList<>(ORDER.stream().filter(available::contains).toList());
            available.stream().filter(n -> !all.contains(n)).forEach(all::add);
            return all;
        }
        if (!available.contains(wanted)) {
            throw new CliException(ExitCode.NOT_FOUND, "there is no trainable model '" + model + "'; models: "
                    + String.join(", ", available) + " (clusters = behaviour), or all");
        }
        return List.of(wanted);
    }

    /** Polls the run (the same view GET /api/models/runs/{id} gives) and moves the bar with its percentage. */
    private static RunView follow(TrainingRuns runs, RunView submitted) throws InterruptedException {
        RunView run = submitted;
        int shown = 0;
        try (ProgressReporter.Task bar = ProgressReporter.console().start("train " + submitted.model(), 100)) {
            while (run.status() == TrainingRuns.Status.QUEUED || run.status() == TrainingRuns.Status.RUNNING) {
                Thread.sleep(100);
                run = runs.run(submitted.id()).orElseThrow();
                if (run.percent() > shown) {
                    bar.advance(run.percent() - shown);
                    shown = run.percent();
                }
            }
            if (run.status() == TrainingRuns.Status.SUCCEEDED && shown < 100) {
                bar.advance(100 - shown);
            }
        }
        return run;
    }

    private static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return String.format(Locale.ROOT, "%.4f", ((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }
}
