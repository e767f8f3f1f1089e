package dev.segmentagent.features;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.XGBoostExternalModel;
import org.tribuo.impl.ArrayExample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An XGBoost binary classifier on a {@link FeatureMatrix}, held as a Tribuo model: train, then probabilities of
 * the positive class. Missing values (NaN) stay missing, so XGBoost learns its own default direction for them.
 */
final class BinaryClassifier {

    static final String POSITIVE = "yes";
    static final String NEGATIVE = "no";
    private static final LabelFactory LABELS = new LabelFactory();

    static {
        TribuoLogging.quiet();
    }

    /** Hyper-parameters, recorded in the registry with the model. */
    record Parameters(int trees, double eta, int maxDepth, double minChildWeight, double subsample,
                      double featureSubsample, double lambda, int threads, long seed) {
        static Parameters of(ModelsConfig config) {
            return new Parameters(config.trees(), 0.08, 4, 5.0, 0.8, 0.8, 1.0, config.threads(), config.seed());
        }
    }

    private BinaryClassifier() {
    }

    /**
     * Trains XGBoost through XGBoost4J on one dense float matrix (NaN = missing) with the {@code binary:logistic}
     * objective, then wraps the booster as a Tribuo model, so the registry keeps Tribuo's provenance, its
     * protobuf save/load and its predict API. Why not Tribuo's trainer: it converts every example into its own
     * sparse matrix and always boosts {@code multi:softprob}, two trees per round for a binary label; the bench
     * measured about twice the time of the XGBoost peer with the same parameters (BENCHMARKS.md). The
     * parameters are the ones Tribuo's trainer would pass, plus the objective.
     */
    static Model<Label> train(FeatureMatrix data, Parameters p, String description) {
        int rows = data.rows();
        int cols = data.names().size();
        float[] dense = new float[rows * cols];
        float[] labels = new float[rows];
        for (int i = 0; i < rows; i++) {
            double[] row = data.values()[i];
            int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                dense[offset + j] = (float) row[j]; // NaN stays NaN: missing
            }
            labels[i] = data.labels()[i] ? 1f : 0f;
        }
        Map<String, Integer> featureColumns = new LinkedHashMap<>();
        for (int j = 0; j < cols; j++) {
            featureColumns.put(data.names().get(j), j);
        }
        Booster booster;
        try {
            DMatrix matrix = new DMatrix(dense, rows, cols, Float.NaN);
            try {
                matrix.setLabel(labels);
                booster = XGBoost.train(matrix, boosterParameters(p), p.trees(), Map.of(), null, null);
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
        Map<Label, Integer> outputs = Map.of(new Label(NEGATIVE), 0, new Label(POSITIVE), 1);
        return XGBoostExternalModel.createXGBoostModel(LABELS, featureColumns, outputs, new BinaryLogisticConverter(),
                booster, provenance(p, description, rows, cols));
    }

    /** XGBoost4J parameter names; the same values the Python peer passes to XGBClassifier. */
    static Map<String, Object> boosterParameters(Parameters p) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("booster", "gbtree");
        params.put("objective", "binary:logistic");
        params.put("tree_method", "hist"); // binned split finding: far faster than exact, same quality here
        params.put("eta", p.eta());
        params.put("max_depth", p.maxDepth());
        params.put("min_child_weight", p.minChildWeight());
        params.put("subsample", p.subsample());
        params.put("colsample_bytree", p.featureSubsample());
        params.put("lambda", p.lambda());
        params.put("alpha", 0.0);
        params.put("gamma", 0.0);
        params.put("nthread", p.threads());
        params.put("seed", p.seed());
        params.put("verbosity", 0);
        return params;
    }

    private static Map<String, Provenance> provenance(Parameters p, String description, int rows, int cols) {
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        provenance.put("training-data", new StringProvenance("training-data", description));
        provenance.put("training-rows", new IntProvenance("training-rows", rows));
        provenance.put("training-features", new IntProvenance("training-features", cols));
        provenance.put("trainer", new StringProvenance("trainer", "xgboost4j " + XGBoost.class.getPackage().getImplementationVersion()
                + " XGBoost.train, dense DMatrix"));
        boosterParameters(p).forEach((k, v) -> provenance.put("xgboost." + k, new StringProvenance("xgboost." + k, v.toString())));
        provenance.put("rounds", new IntProvenance("rounds", p.trees()));
        return provenance;
    }

    /** Probability of the positive class for each row, in row order, on one thread. */
    static double[] predict(Model<Label> model, FeatureMatrix data) {
        return predict(model, data, 1);
    }

    /** Probability of the positive class for each row, in row order, on {@code threads} threads. */
    static double[] predict(Model<Label> model, FeatureMatrix data, int threads) {
        return new BoosterScorer(model, data.names(), threads).score(data.values(), data.rows());
    }

    /** The same probabilities through Tribuo's own per-example predictions: the reference the Scorer must match. */
    static double[] predictWithTribuo(Model<Label> model, FeatureMatrix data) {
        List<Example<Label>> examples = new ArrayList<>(data.rows());
        String[] names = data.names().toArray(String[]::new);
        for (int i = 0; i < data.rows(); i++) {
            examples.add(example(names, data.values()[i], LABELS.getUnknownOutput()));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] scores = new double[predictions.size()];
        for (int i = 0; i < scores.length; i++) {
            Label positive = predictions.get(i).getOutputScores().get(POSITIVE);
            scores[i] = positive == null ? 0.0 : positive.getScore();
        }
        return scores;
    }

    /** Top features by the model's own importance measure (XGBoost: gain-based), name -> weight. */
    static Map<String, Double> importance(Model<Label> model, int top) {
        Map<String, Double> importance = new LinkedHashMap<>();
        var features = model.getTopFeatures(top);
        var list = features.getOrDefault(Model.ALL_OUTPUTS, features.values().stream().findFirst().orElse(List.of()));
        list.forEach(pair -> importance.put(pair.getA(), pair.getB()));
        return importance;
    }

    /**
     * One example from a row, missing values left out. Built in one go from arrays: adding features one by one
     * to an ArrayExample cost ten times more than the boosting itself on 30k rows x 146 features (JFR/probe).
     */
    private static Example<Label> example(String[] names, double[] values, Label label) {
        String[] present = new String[values.length];
        double[] presentValues = new double[values.length];
        int n = 0;
        for (int j = 0; j < values.length; j++) {
            if (!Double.isNaN(values[j])) {
                present[n] = names[j];
                presentValues[n++] = values[j];
            }
        }
        return new ArrayExample<>(label, java.util.Arrays.copyOf(present, n), java.util.Arrays.copyOf(presentValues, n));
    }
}
