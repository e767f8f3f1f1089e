package dev.segmentagent.features;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseFacts;
import jakarta.inject.Singleton;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.math.la.DenseVector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The ML part of the bench: churn training (a seeded sample of labelled customers), scoring every customer,
 * and k-means on the behaviour features, timed in Java (Tribuo) and, on the very same exported matrices in the
 * same run, in Python (XGBoost and scikit-learn from Debian's packages) with the same parameters, so the
 * ratio compares libraries rather than data.
 *
 * <p>Matrices go to Python as raw little-endian float32 files (the precision XGBoost works in anyway), which
 * numpy maps without parsing; a CSV of a million rows would time the parser, not the model.
 */
@Singleton
public class MlBench {

    /** What to run: labelled rows to train on, k of the fixed-k k-means, where to export, which python. */
    public record Options(int trainRows, int clusters, Path workDir, String python) {}

    /** Figures as nested maps (for JSON) and the side-by-side table. */
    public record Report(Map<String, Object> figures, String table) {}

    private static final String SCRIPT = "bench/ml_peer.py";
    /**
     * Times each side repeats the same k-means fit, and the same prediction over the exported scoring matrix:
     * the first and the median are reported, so one burst of load from elsewhere on the machine (XGBoost and
     * scikit-learn both use OpenMP, which suffers badly when the cores are oversubscribed) does not decide a ratio.
     */
    static final int REPEATS = 3;

    private final DuckDbWarehouse warehouse;
    private final CatalogService catalogs;
    private final ModelsConfig config;

    MlBench(DuckDbWarehouse warehouse, CatalogService catalogs, ModelsConfig config) {
        this.warehouse = warehouse;
        this.catalogs = catalogs;
        this.config = config;
    }

    public Report run(Options options) throws IOException {
        Files.createDirectories(options.workDir());
        Map<String, Object> java = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        TrainingSets sets = new TrainingSets(warehouse, catalogs.catalog());
        Outcome churn = Outcome.churn(config.churnHorizonDays());
        Instant asOf = new WarehouseFacts(warehouse).asOf();
        Instant testCutoff = asOf.minus(Duration.ofDays(churn.horizonDays()));
        Instant trainCutoff = testCutoff.minus(Duration.ofDays(config.holdoutGapDays()));
        BinaryClassifier.Parameters parameters = BinaryClassifier.Parameters.of(config);
        // each Python task runs right after its Java counterpart: both sides of a ratio see the same machine load
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("xgboost", parameters);
        job.put("model", options.workDir().resolve("xgb_model.json").toString());
        Path jobFile = options.workDir().resolve("job.json");
        PythonPeer peer = new PythonPeer(options.python(), script(options.workDir()), jobFile, config.threads());
        Map<String, Object> py = new LinkedHashMap<>();

        // churn: point-in-time training and holdout sets, a seeded sample of each
        long t = System.nanoTime();
        FeatureMatrix train = sample(sets.labelled(churn, trainCutoff), options.trainRows(), config.seed());
        FeatureMatrix test = sample(sets.labelled(churn, testCutoff), options.trainRows(), config.seed() + 1);
        java.put("churn_sets_s", seconds(t));
        data.put("customers", new WarehouseFacts(warehouse).customerCount());
        // both sides' OpenMP (the Python peer inherits this environment); "active" spinning distorts ratios under load
        data.put("omp_wait_policy", System.getenv().getOrDefault("OMP_WAIT_POLICY", "unset (libgomp default: active)"));
        data.put("churn_train_rows", train.rows());
        data.put("churn_test_rows", test.rows());
        data.put("churn_features", train.names().size());
        int features = train.names().size();
        Path trainFile = options.workDir().resolve("churn_train.f32");
        Path testFile = options.workDir().resolve("churn_test.f32");
        writeLabelled(train, trainFile);
        writeLabelled(test, testFile);
        job.put("train", Map.of("path", trainFile.toString(), "rows", train.rows(), "cols", features + ""));
        job.put("test", Map.of("path", testFile.toString(), "rows", test.rows(), "cols", features + ""));
        writeJob(job, jobFile);
        t = System.nanoTime();
        Model<Label> model = BinaryClassifier.train(train, parameters, "bench churn as of " + trainCutoff);
        java.put("churn_train_s", seconds(t));
        BoosterScorer scorer = new BoosterScorer(model, train.names(), config.threads());
        java.put("churn_holdout_auc", BinaryMetrics.of(test.labels(), scorer.score(test.values(), test.rows())).rocAuc());
        train = null; // let the training rows go before a million scoring rows stream through
        test = null;
        peer.task("train").ifPresent(py::putAll);

        // scoring every customer: streamed from DuckDB in chunks; predict time summed over the chunks
        Path scoreFile = options.workDir().resolve("churn_score.f32");
        long[] predictNanos = {0};
        int[] scoredRows = {0};
        long[] exportNanos = {0};
        t = System.nanoTime();
        try (FileChannel out = FileChannel.open(scoreFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            TrainingSets.Scored scored = sets.score(churn, (chunk, rows) -> {
                long exportStarted = System.nanoTime();
                write(out, chunk, rows, null);
                long started = System.nanoTime();
                double[] scores = scorer.score(chunk, rows);
                predictNanos[0] += System.nanoTime() - started;
                scoredRows[0] += rows;
                exportNanos[0] += started - exportStarted; // export time is not scoring time
                return scores;
            }, ClassifierTraining.SCORE_CHUNK_ROWS);
            data.put("scored_rows", scored.ids().length);
        }
        java.put("score_end_to_end_s", (System.nanoTime() - t - exportNanos[0]) / 1e9);
        java.put("score_streamed_predict_s", predictNanos[0] / 1e9);
        job.put("score", Map.of("path", scoreFile.toString(), "rows", scoredRows[0], "cols", features + ""));
        writeJob(job, jobFile);
        // the very matrix the Python peer predicts, read back from the export in the service's chunk size
        double[] predictSeconds = new double[REPEATS];
        List<Double> pyPredict = new ArrayList<>();
        for (int r = 0; r < REPEATS; r++) {
            predictSeconds[r] = predictExported(scorer, scoreFile, scoredRows[0], features);
            peer.task("predict").ifPresent(f -> {
                pyPredict.add(((Number) f.get("xgb_predict_s")).doubleValue());
                py.put("xgb_predict_rows", f.get("xgb_predict_rows"));
            });
        }
        java.put("score_predict_first_s", predictSeconds[0]);
        java.put("score_predict_s", median(predictSeconds));
        putFirstAndMedian(py, "xgb_predict", pyPredict);

        // k-means on the standardised behaviour features, fixed k, same initialisation and iteration cap
        t = System.nanoTime();
        BehaviourFeatures.Table table = BehaviourFeatures.read(warehouse);
        BehaviourFeatures.Scaler scaler = BehaviourFeatures.Scaler.fit(table.raw());
        double[][] z = new double[table.raw().length][];
        for (int i = 0; i < z.length; i++) {
            z[i] = scaler.apply(table.raw()[i]);
        }
        java.put("kmeans_features_s", seconds(t));
        data.put("kmeans_rows", z.length);
        data.put("kmeans_features", BehaviourFeatures.names().size());
        data.put("kmeans_k", options.clusters());
        BehaviourClustering clustering = new BehaviourClustering(warehouse, config);
        // as the service does it: fit on a seeded sample of at most FIT_SAMPLE customers, then assign everyone
        int[] fitRows = BehaviourClustering.sample(z.length, BehaviourClustering.FIT_SAMPLE, config.seed() + 1);
        double[][] fitPoints = new double[fitRows.length][];
        for (int i = 0; i < fitRows.length; i++) {
            fitPoints[i] = z[fitRows[i]];
        }
        data.put("kmeans_fit_rows", fitPoints.length);
        Path kmeansFile = options.workDir().resolve("kmeans.f32");
        Path kmeansFitFile = options.workDir().resolve("kmeans_fit.f32");
        try (FileChannel out = FileChannel.open(kmeansFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             FileChannel fitOut = FileChannel.open(kmeansFitFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            write(out, z, z.length, null);
            write(fitOut, fitPoints, fitPoints.length, null);
        }
        int cols = BehaviourFeatures.names().size();
        job.put("kmeans", Map.of("path", kmeansFile.toString(), "rows", z.length, "cols", cols + "",
                "k", options.clusters(), "iterations", BehaviourClustering.ITERATIONS, "seed", config.seed(),
                "fit", Map.of("path", kmeansFitFile.toString(), "rows", fitPoints.length, "cols", cols + "")));
        writeJob(job, jobFile);
        // the same fit REPEATS times (same seed, same centroids): the first pays the JIT warm-up, the median is
        // what the service's seven fits per training (k = 4..10) mostly see; the Python peer does the same
        double[] datasetSeconds = new double[REPEATS];
        double[] lloydSeconds = new double[REPEATS];
        double[] fitSeconds = new double[REPEATS];
        List<Double> pyFit = new ArrayList<>();
        KMeansModel kmeans = null;
        for (int r = 0; r < REPEATS; r++) {
            t = System.nanoTime();
            var dataset = BehaviourClustering.dataset(fitPoints);
            datasetSeconds[r] = seconds(t);
            long lloydStarted = System.nanoTime();
            KMeansIterations.Counted<KMeansModel> fit = KMeansIterations.count(() -> clustering.fit(dataset, options.clusters()));
            lloydSeconds[r] = seconds(lloydStarted);
            fitSeconds[r] = seconds(t);
            kmeans = fit.result();
            java.put("kmeans_iterations", fit.iterations());
            peer.task("kmeans").ifPresent(f -> {
                pyFit.add(((Number) f.get("kmeans_fit_s")).doubleValue());
                py.putAll(f);
            });
        }
        java.put("kmeans_fit_first_s", fitSeconds[0]);
        java.put("kmeans_fit_s", median(fitSeconds));
        java.put("kmeans_fit_dataset_s", median(datasetSeconds));
        java.put("kmeans_fit_trainer_s", median(lloydSeconds));
        putFirstAndMedian(py, "kmeans_fit", pyFit);
        if (py.get("kmeans_fit_s") instanceof Double fitS && py.get("kmeans_iterations") instanceof Number n && n.intValue() > 0) {
            py.put("kmeans_ms_per_iteration", 1000 * fitS / n.intValue());
        }
        t = System.nanoTime();
        int[] clusters = BehaviourClustering.predict(kmeans, z);
        java.put("kmeans_assign_s", seconds(t));
        java.put("kmeans_inertia", inertia(kmeans, z, clusters));
        clustering.plantedPersonasAri(table.ids(), clusters).ifPresent(ari -> java.put("kmeans_ari_vs_personas", ari));
        fitPoints = null;
        z = null;
        table = null;

        // the application's own path: k chosen by silhouette over the configured range
        t = System.nanoTime();
        TrainedModel behaviour = clustering.train("bench", Progress.none());
        java.put("clustering_app_path_s", seconds(t));
        java.put("clustering_app_k", behaviour.metrics().get("k"));
        java.put("clustering_app_ari_vs_personas", behaviour.metrics().get("ari_vs_planted_personas"));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("data", data);
        figures.put("parameters", parameters);
        figures.put("java", java);
        PythonPeer.Result result = new PythonPeer.Result(py.isEmpty() ? null : py, peer.note());
        figures.put("python", result.figures());
        figures.put("python_note", result.note());
        return new Report(figures, table(data, java, result));
    }

    private static void writeJob(Map<String, Object> job, Path jobFile) throws IOException {
        Files.writeString(jobFile, ModelFiles.JSON.writeValueAsString(job));
    }

    /** {@code key_first_s} and {@code key_s} (the median) of the peer's repeated timings, when it ran. */
    private static void putFirstAndMedian(Map<String, Object> py, String key, List<Double> seconds) {
        if (!seconds.isEmpty()) {
            py.put(key + "_first_s", seconds.get(0));
            py.put(key + "_s", median(seconds.stream().mapToDouble(Double::doubleValue).toArray()));
        }
    }

    private static Path script(Path workDir) throws IOException {
        Path script = workDir.resolve("ml_peer.py");
        try (InputStream in = MlBench.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("resource " + SCRIPT + " missing");
            }
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    /** A seeded sample of at most {@code max} rows, kept in id order. */
    static FeatureMatrix sample(FeatureMatrix m, int max, long seed) {
        if (m.rows() <= max) {
            return m;
        }
        // selection sampling (Knuth's algorithm S): exactly max rows, each equally likely, order kept
        SplittableRandom random = new SplittableRandom(seed);
        long[] ids = new long[max];
        double[][] values = new double[max][];
        boolean[] labels = new boolean[max];
        int taken = 0;
        for (int i = 0; i < m.rows() && taken < max; i++) {
            if (random.nextDouble() * (m.rows() - i) < max - taken) {
                ids[taken] = m.ids()[i];
                values[taken] = m.values()[i];
                labels[taken] = m.labels()[i];
                taken++;
            }
        }
        return new FeatureMatrix(ids, m.names(), values, labels);
    }

    private static void writeLabelled(FeatureMatrix m, Path file) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(out, m.values(), m.rows(), m.labels());
        }
    }

    /** Rows as float32, little-endian; with labels, the label (0/1) is an extra last column. */
    private static void write(FileChannel out, double[][] rows, int n, boolean[] labels) {
        if (n == 0) {
            return;
        }
        int cols = rows[0].length + (labels == null ? 0 : 1);
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(1, 8192 / cols) * cols * 4).order(ByteOrder.LITTLE_ENDIAN);
        try {
            for (int i = 0; i < n; i++) {
                if (buffer.remaining() < cols * 4) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    buffer.clear();
                }
                for (double v : rows[i]) {
                    buffer.putFloat((float) v);
                }
                if (labels != null) {
                    buffer.putFloat(labels[i] ? 1f : 0f);
                }
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sum of squared distances to the assigned centroid: what k-means minimises, comparable with sklearn's. */
    static double inertia(KMeansModel model, double[][] z, int[] clusters) {
        DenseVector[] centroids = model.getCentroidVectors();
        // centroid vectors are in the model's feature-ID order; our features were added under their names
        var featureMap = model.getFeatureIDMap();
        List<String> names = BehaviourFeatures.names();
        int[] id = new int[names.size()];
        for (int j = 0; j < id.length; j++) {
            id[j] = featureMap.getID(names.get(j));
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            DenseVector c = centroids[clusters[i]];
            for (int j = 0; j < z[i].length; j++) {
                double d = z[i][j] - (id[j] < 0 ? 0 : c.get(id[j]));
                sum += d * d;
            }
        }
        return sum;
    }

    /**
     * Seconds {@code scorer} spends on the float32 matrix in {@code file}, fed in chunks of
     * {@link ClassifierTraining#SCORE_CHUNK_ROWS} rows as doubles, the form the service streams from DuckDB; reading
     * the file is not timed.
     */
    static double predictExported(TrainingSets.ChunkScorer scorer, Path file, int rows, int cols) throws IOException {
        long nanos = 0;
        int chunkRows = ClassifierTraining.SCORE_CHUNK_ROWS;
        double[][] chunk = new double[chunkRows][cols];
        ByteBuffer buffer = ByteBuffer.allocate(chunkRows * cols * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int done = 0; done < rows; ) {
                int n = Math.min(chunkRows, rows - done);
                buffer.clear().limit(n * cols * Float.BYTES);
                while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                    // fill the chunk
                }
                buffer.flip();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < cols; j++) {
                        chunk[i][j] = buffer.getFloat();
                    }
                }
                long started = System.nanoTime();
                scorer.score(chunk, n);
                nanos += System.nanoTime() - started;
                done += n;
            }
        }
        return nanos / 1e9;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String table(Map<String, Object> data, Map<String, Object> java, PythonPeer.Result peer) {
        JsonNode py = peer.figures() == null ? null : ModelFiles.JSON.valueToTree(peer.figures());
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "ML bench: %s customers; churn %s train / %s holdout rows x %s features; "
                        + "scoring %s rows; k-means fit on %s of %s x %s, k=%s; OMP_WAIT_POLICY %s%n", data.get("customers"), data.get("churn_train_rows"),
                data.get("churn_test_rows"), data.get("churn_features"), data.get("scored_rows"), data.get("kmeans_fit_rows"),
                data.get("kmeans_rows"), data.get("kmeans_features"), data.get("kmeans_k"), data.get("omp_wait_policy")));
        out.append(String.format(Locale.ROOT, "%-34s %14s %16s %8s%n", "task", "Java (Tribuo)", "Python peer", "ratio"));
        row(out, "churn training (s)", java.get("churn_train_s"), py, "xgb_train_s", true);
        row(out, "churn holdout ROC AUC", java.get("churn_holdout_auc"), py, "xgb_holdout_auc", false);
        row(out, "scoring, predict, first of " + REPEATS + " (s)", java.get("score_predict_first_s"), py, "xgb_predict_first_s", true);
        row(out, "scoring, predict, median of " + REPEATS + " (s)", java.get("score_predict_s"), py, "xgb_predict_s", true);
        row(out, "k-means fit, first of " + REPEATS + " (s)", java.get("kmeans_fit_first_s"), py, "kmeans_fit_first_s", true);
        row(out, "k-means fit, median of " + REPEATS + " (s)", java.get("kmeans_fit_s"), py, "kmeans_fit_s", true);
        row(out, "  Lloyd iterations to converge", java.get("kmeans_iterations"), py, "kmeans_iterations", false);
        row(out, "  per iteration, median fit (ms)", perIteration(java.get("kmeans_fit_s"), java.get("kmeans_iterations")),
                py, "kmeans_ms_per_iteration", true);
        row(out, "k-means assign everyone (s)", java.get("kmeans_assign_s"), py, "kmeans_assign_s", true);
        row(out, "k-means inertia, all rows", java.get("kmeans_inertia"), py, "kmeans_inertia", true);
        out.append(String.format(Locale.ROOT, "%-34s %14s%n", "  k-means: Tribuo dataset (s)", fmt(java.get("kmeans_fit_dataset_s"))));
        out.append(String.format(Locale.ROOT, "%-34s %14s%n", "  k-means: Tribuo trainer (s)", fmt(java.get("kmeans_fit_trainer_s"))));
        out.append(String.format(Locale.ROOT, "%-34s %14s%n", "scoring end to end, from DuckDB (s)", fmt(java.get("score_end_to_end_s"))));
        out.append(String.format(Locale.ROOT, "%-34s %14s%n", "  of which predict (s)", fmt(java.get("score_streamed_predict_s"))));
        out.append(String.format(Locale.ROOT, "%-34s %14s%n", "churn train+holdout sets (s)", fmt(java.get("churn_sets_s"))));
        out.append(String.format(Locale.ROOT, "%-34s %14s%n", "k-means ARI vs planted personas", fmt(java.get("kmeans_ari_vs_personas"))));
        out.append(String.format(Locale.ROOT, "%-34s %14s  (k=%s by silhouette, ARI %s)%n", "clustering, app path (s)",
                fmt(java.get("clustering_app_path_s")), java.get("clustering_app_k"), fmt(java.get("clustering_app_ari_vs_personas"))));
        out.append(String.format(Locale.ROOT, "Timers. Scoring: both sides predict the exported float32 matrix of every scored "
                + "customer; Java reads it back in %,d-row chunks of doubles (untimed) and sums, per chunk, the copy "
                + "into floats in booster column order, the DMatrix build and XGBoost4J's predict; Python times "
                + "XGBClassifier.predict_proba on the whole matrix (XGBoost's in-place predict, no DMatrix). K-means fit: Java builds the Tribuo dataset of the sample and runs "
                + "KMeansTrainer.train; Python runs KMeans.fit on the same sample as a float64 array. Each Python "
                + "task runs right after its Java counterpart (training once; predict and k-means fit alternately, "
                + REPEATS + " times each), so both sides of a ratio see about the same load.%n",
                ClassifierTraining.SCORE_CHUNK_ROWS));
        if (peer.note() != null) {
            out.append("Python peer: ").append(peer.note()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static Double perIteration(Object seconds, Object iterations) {
        return seconds instanceof Number s && iterations instanceof Number n && n.intValue() > 0
                ? 1000 * s.doubleValue() / n.intValue() : null;
    }

    private static void row(StringBuilder out, String task, Object javaValue, JsonNode py, String key, boolean ratio) {
        Object pyValue = py == null || !py.has(key) ? null
                : py.get(key).isIntegralNumber() ? (Object) py.get(key).asLong() : (Object) py.get(key).asDouble();
        String r = "";
        if (ratio && javaValue instanceof Number j && pyValue instanceof Number p && p.doubleValue() > 0) {
            r = String.format(Locale.ROOT, "%.2fx", j.doubleValue() / p.doubleValue());
        }
        out.append(String.format(Locale.ROOT, "%-34s %14s %16s %8s%n", task, fmt(javaValue), fmt(pyValue), r));
    }

    private static String fmt(Object value) {
        if (value instanceof Double d) {
            return Math.abs(d) >= 1000 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.3f", d);
        }
        return value == null ? "-" : value.toString();
    }

    /**
     * Runs tasks of the Python peer script when an interpreter with numpy, scikit-learn and xgboost is there.
     * The interpreter is looked for once; after the first failure the remaining tasks are skipped and the note
     * says why.
     */
    static final class PythonPeer {

        record Result(Map<String, Object> figures, String note) {}

        private final List<String> candidates;
        private final Path script;
        private final Path job;
        private final int threads;
        private String found;
        private String versions;
        private String failure;

        PythonPeer(String python, Path script, Path job, int threads) {
            this.candidates = python != null ? List.of(python) : List.of("python3", "/usr/bin/python3");
            this.script = script;
            this.job = job;
            this.threads = threads;
        }

        /** One task's figures, or empty when the peer is unavailable or has failed. */
        java.util.Optional<Map<String, Object>> task(String name) {
            if (failure != null || !interpreter()) {
                return java.util.Optional.empty();
            }
            // the same thread count as the Java side, for OpenMP (sklearn k-means, xgboost) and BLAS
            String n = Integer.toString(threads);
            Exec result = exec(List.of(found, script.toString(), job.toString(), name), 3600,
                    Map.of("OMP_NUM_THREADS", n, "OPENBLAS_NUM_THREADS", n, "MKL_NUM_THREADS", n));
            if (result.exit() != 0) {
                failure = "failed in task " + name + " (exit " + result.exit() + "): " + tail(result.output());
                return java.util.Optional.empty();
            }
            String[] lines = result.output().strip().split("\n");
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> figures = ModelFiles.JSON.readValue(lines[lines.length - 1], Map.class);
                versions = String.valueOf(figures.remove("versions"));
                return java.util.Optional.of(figures);
            } catch (IOException e) {
                failure = "unreadable output of task " + name + ": " + tail(result.output());
                return java.util.Optional.empty();
            }
        }

        String note() {
            if (found == null) {
                return "skipped: no python3 with numpy, scikit-learn and xgboost among " + candidates
                        + " (Debian: apt-get install python3-sklearn python3-xgboost)";
            }
            return failure != null ? failure : "ran with " + found + " (" + versions + ")";
        }

        private boolean interpreter() {
            if (found == null) {
                for (String candidate : candidates) {
                    if (exec(List.of(candidate, "-c", "import numpy, sklearn, xgboost"), 60, Map.of()).exit() == 0) {
                        found = candidate;
                        break;
                    }
                }
                if (found == null) {
                    failure = "no interpreter";
                }
            }
            return found != null;
        }

        private record Exec(int exit, String output) {}

        private static Exec exec(List<String> command, long timeoutSeconds, Map<String, String> env) {
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
                builder.environment().putAll(env);
                Process process = builder.start();
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Exec(-1, "timed out");
                }
                return new Exec(process.exitValue(), new String(output, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return new Exec(-1, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Exec(-1, "interrupted");
            }
        }

        private static String tail(String text) {
            return text.length() <= 600 ? text : text.substring(text.length() - 600);
        }
    }
}
