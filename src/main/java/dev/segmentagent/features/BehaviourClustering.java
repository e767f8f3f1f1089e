package dev.segmentagent.features;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Behavioural clusters: Tribuo k-means (k-means++, fixed seed) on standardised behaviour features, k chosen
 * from a range by the mean silhouette on a seeded sample; then a profile, a name and a persona per cluster.
 */
final class BehaviourClustering {

    static final String MODEL = "behaviour";
    private static final ClusteringFactory FACTORY = new ClusteringFactory();
    static final int ITERATIONS = 100;
    /**
     * Customers k-means is fitted on; everyone is then assigned to the nearest centroid. Centroids of 9
     * features settle long before 200k rows (ARI and inertia per customer at 50k and 1M in BENCHMARKS.md), while
     * Tribuo's k-means on a million per-example vectors took 15 s per k, seven k per training.
     */
    static final int FIT_SAMPLE = 200_000;

    static {
        TribuoLogging.quiet();
    }

    private final DuckDbWarehouse warehouse;
    private final ModelsConfig config;
    private final ClusterNaming naming;

    BehaviourClustering(DuckDbWarehouse warehouse, ModelsConfig config) {
        this(warehouse, config, ClusterNaming.RULES);
    }

    BehaviourClustering(DuckDbWarehouse warehouse, ModelsConfig config, ClusterNaming naming) {
        this.warehouse = warehouse;
        this.config = config;
        this.naming = naming;
    }

    TrainedModel train(String version, Progress progress) {
        progress.report("reading behaviour features", 5);
        BehaviourFeatures.Table table = BehaviourFeatures.read(warehouse);
        if (table.ids().length < config.maxClusters() * 10L) {
            throw new IllegalStateException("only " + table.ids().length + " customers: too few to cluster");
        }
        long started = System.nanoTime();
        BehaviourFeatures.Scaler scaler = BehaviourFeatures.Scaler.fit(table.raw());
        double[][] z = new double[table.raw().length][];
        for (int i = 0; i < z.length; i++) {
            z[i] = scaler.apply(table.raw()[i]);
        }
        int[] sample = sample(z.length, config.silhouetteSample(), config.seed());
        double[][] samplePoints = rows(z, sample);
        double[][] fitPoints = rows(z, sample(z.length, FIT_SAMPLE, config.seed() + 1));
        // one Tribuo dataset for every k: building it is a quarter of a fit on 200k rows (bench --ml)
        MutableDataset<ClusterID> fitData = dataset(fitPoints);
        Map<Integer, Double> silhouettes = new LinkedHashMap<>();
        Map<Integer, Double> aris = new LinkedHashMap<>();
        KMeansModel best = null;
        int bestK = -1;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        int span = config.maxClusters() - config.minClusters() + 1;
        for (int k = config.minClusters(); k <= config.maxClusters(); k++) {
            progress.report("k-means with k=" + k, 10 + 60 * (k - config.minClusters()) / span);
            KMeansModel model = fit(fitData, k);
            int[] sampleClusters = predict(model, samplePoints);
            double s = Silhouette.mean(samplePoints, sampleClusters, k);
            silhouettes.put(k, s);
            if (Boolean.getBoolean("segment.models.ari-by-k")) { // evaluation aid: how each k matches the planted personas
                plantedPersonasAri(table.ids(), predict(model, z)).ifPresent(ari -> aris.put(aris.size() + config.minClusters(), ari));
            }
            if (s > bestSilhouette) {
                bestSilhouette = s;
                best = model;
                bestK = k;
            }
        }
        progress.report("profiling " + bestK + " clusters", 75);
        int[] clusters = predict(best, z);
        long trainMs = (System.nanoTime() - started) / 1_000_000;
        List<ClusterProfile> ruleNamed = profiles(table.raw(), clusters, bestK);
        progress.report("naming " + bestK + " clusters", 78);
        ClusterNaming.Result naming = this.naming.name(ruleNamed);
        List<ClusterProfile> profiles = naming.profiles();
        Map<Integer, String> names = new HashMap<>();
        profiles.forEach(p -> names.put(p.clusterId(), p.name()));
        String[] assignedNames = new String[clusters.length];
        for (int i = 0; i < clusters.length; i++) {
            assignedNames[i] = names.get(clusters[i]);
        }

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("k", bestK);
        metrics.put("silhouette", bestSilhouette);
        metrics.put("customers", clusters.length);
        metrics.put("train_ms", trainMs);
        plantedPersonasAri(table.ids(), clusters).ifPresent(ari -> metrics.put("ari_vs_planted_personas", ari));

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("features", BehaviourFeatures.names());
        details.put("silhouette_by_k", silhouettes);
        if (!aris.isEmpty()) {
            details.put("ari_by_k", aris);
        }
        details.put("k_range", List.of(config.minClusters(), config.maxClusters()));
        details.put("silhouette_sample", sample.length);
        details.put("fit_sample", fitPoints.length);
        details.put("seed", config.seed());
        details.put("parameters", Map.of("iterations", ITERATIONS, "initialisation", "k-means++",
                "distance", "euclidean", "threads", config.threads()));
        details.put("profiles", profiles);
        details.put("named_by", naming.author());
        if (!naming.author().equals("rules")) {
            details.put("rule_names", ruleNamed.stream().map(ClusterProfile::name).toList());
        }
        if (naming.warning() != null) {
            details.put("naming_warning", naming.warning());
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("means", scaler.means());
        state.put("sds", scaler.sds());
        state.put("names", names);
        return new TrainedModel(MODEL, version, best, state, metrics, details, null,
                new ScoreTables.Assignments(MODEL, version, table.ids(), clusters, assignedNames));
    }

    KMeansModel fit(double[][] z, int k) {
        return fit(dataset(z), k);
    }

    /** The rows as a Tribuo dataset, one dense example per row (all features present). */
    static MutableDataset<ClusterID> dataset(double[][] z) {
        MutableDataset<ClusterID> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("behaviour features", OffsetDateTime.now(ZoneOffset.UTC), FACTORY), FACTORY);
        for (double[] row : z) {
            dataset.add(example(row));
        }
        return dataset;
    }

    /** Tribuo k-means++ with the configured seed and threads, at most {@link #ITERATIONS} Lloyd iterations. */
    KMeansModel fit(MutableDataset<ClusterID> dataset, int k) {
        KMeansTrainer trainer = new KMeansTrainer(k, ITERATIONS, KMeansTrainer.Distance.EUCLIDEAN,
                KMeansTrainer.Initialisation.PLUSPLUS, config.threads(), config.seed());
        return trainer.train(dataset);
    }

    /**
     * The nearest centroid of each row (Euclidean, the lowest cluster id on a tie, as Tribuo's own predict).
     * Computed on the model's centroid vectors rather than through {@code model.predict}: that builds an
     * Example and a Prediction per customer, 6 s for a million rows against a few hundred ms here (bench --ml).
     */
    static int[] predict(KMeansModel model, double[][] z) {
        double[][] centroids = centroids(model);
        int[] clusters = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centroids.length; c++) {
                double d = 0;
                for (int j = 0; j < z[i].length; j++) {
                    double diff = z[i][j] - centroids[c][j];
                    d += diff * diff;
                }
                if (d < best) {
                    best = d;
                    clusters[i] = c;
                }
            }
        }
        return clusters;
    }

    /** Tribuo's per-example predictions: the reference {@link #predict} must match. */
    static int[] predictWithTribuo(KMeansModel model, double[][] z) {
        List<Example<ClusterID>> examples = new ArrayList<>(z.length);
        for (double[] row : z) {
            examples.add(example(row));
        }
        List<Prediction<ClusterID>> predictions = model.predict(examples);
        int[] clusters = new int[predictions.size()];
        for (int i = 0; i < clusters.length; i++) {
            clusters[i] = predictions.get(i).getOutput().getID();
        }
        return clusters;
    }

    /** Centroids in our feature order (the model stores them in its own feature-id order). */
    static double[][] centroids(KMeansModel model) {
        org.tribuo.math.la.DenseVector[] vectors = model.getCentroidVectors();
        List<String> names = BehaviourFeatures.names();
        double[][] centroids = new double[vectors.length][names.size()];
        for (int j = 0; j < names.size(); j++) {
            int id = model.getFeatureIDMap().getID(names.get(j));
            for (int c = 0; c < vectors.length; c++) {
                centroids[c][j] = id < 0 ? 0 : vectors[c].get(id);
            }
        }
        return centroids;
    }

    private static Example<ClusterID> example(double[] row) {
        return new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID,
                BehaviourFeatures.names().toArray(String[]::new), row);
    }

    static List<ClusterProfile> profiles(double[][] raw, int[] clusters, int k) {
        List<String> names = BehaviourFeatures.names();
        int d = names.size();
        double[] baseMean = new double[d];
        double[] baseSd = new double[d];
        double[][] sums = new double[k][d];
        long[] sizes = new long[k];
        for (int i = 0; i < raw.length; i++) {
            sizes[clusters[i]]++;
            for (int j = 0; j < d; j++) {
                baseMean[j] += raw[i][j];
                sums[clusters[i]][j] += raw[i][j];
            }
        }
        for (int j = 0; j < d; j++) {
            baseMean[j] /= raw.length;
        }
        for (double[] row : raw) {
            for (int j = 0; j < d; j++) {
                baseSd[j] += (row[j] - baseMean[j]) * (row[j] - baseMean[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            baseSd[j] = Math.sqrt(baseSd[j] / Math.max(1, raw.length - 1));
        }
        // name the biggest clusters first: they get the plain names, small look-alikes the qualified ones
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingLong((Integer c) -> sizes[c]).reversed());
        ClusterNamer namer = new ClusterNamer();
        List<ClusterProfile> profiles = new ArrayList<>();
        for (int c : order) {
            if (sizes[c] == 0) {
                continue;
            }
            Map<String, Double> centroid = new LinkedHashMap<>();
            List<ClusterProfile.Deviation> deviations = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                double mean = sums[c][j] / sizes[c];
                centroid.put(names.get(j), mean);
                double zDev = baseSd[j] == 0 ? 0 : (mean - baseMean[j]) / baseSd[j];
                deviations.add(new ClusterProfile.Deviation(names.get(j), mean, baseMean[j], zDev));
            }
            deviations.sort(Comparator.comparingDouble((ClusterProfile.Deviation x) -> Math.abs(x.z())).reversed());
            ClusterNamer.Naming naming = namer.name(deviations, centroid);
            profiles.add(new ClusterProfile(c, naming.name(), naming.persona(), sizes[c], (double) sizes[c] / raw.length,
                    centroid, deviations.subList(0, Math.min(5, deviations.size()))));
        }
        return profiles;
    }

    /** Agreement with the generator's planted personas (demo data only; imported data has none). */
    java.util.Optional<Double> plantedPersonasAri(long[] ids, int[] clusters) {
        Map<Long, String> personas = new HashMap<>();
        try (Connection connection = warehouse.connection();
             PreparedStatement statement = connection.prepareStatement("SELECT customer_id, persona FROM planted_personas");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                personas.put(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            return java.util.Optional.empty();
        }
        List<String> truth = new ArrayList<>();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            String persona = personas.get(ids[i]);
            if (persona != null) {
                truth.add(persona);
                found.add(clusters[i]);
            }
        }
        if (truth.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(AdjustedRand.index(truth.toArray(String[]::new), found.toArray(Integer[]::new)));
    }

    private static double[][] rows(double[][] z, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = z[indices[i]];
        }
        return out;
    }

    static int[] sample(int n, int size, long seed) {
        if (n <= size) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        // partial Fisher-Yates with a seeded generator: the same sample for the same data and seed
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return java.util.Arrays.copyOf(all, size);
    }
}
