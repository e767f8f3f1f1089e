package dev.segmentagent.features;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tribuo's XGBoost classifier on a {@link FeatureMatrix}: train, then probabilities of the positive class.
 * Missing values (NaN) are left out of the example so XGBoost learns its own default direction for them.
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

    static Model<Label> train(FeatureMatrix data, Parameters p, String description) {
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, OffsetDateTime.now(ZoneOffset.UTC), LABELS), LABELS);
        String[] names = data.names().toArray(String[]::new);
        Label positive = new Label(POSITIVE);
        Label negative = new Label(NEGATIVE);
        for (int i = 0; i < data.rows(); i++) {
            dataset.add(example(names, data.values()[i], data.labels()[i] ? positive : negative));
        }
        // hist: binned split finding, far faster than exact on thousands of rows, same quality at this size
        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
                XGBoostTrainer.TreeMethod.HIST, p.trees(), p.eta(), 0.0, p.maxDepth(), p.minChildWeight(),
                p.subsample(), p.featureSubsample(), p.lambda(), 0.0, p.threads(),
                XGBoostTrainer.LoggingVerbosity.SILENT, p.seed());
        return trainer.train(dataset);
    }

    /** Probability of the positive class for each row, in row order. */
    static double[] predict(Model<Label> model, FeatureMatrix data) {
        return new Scorer(model, data.names()).score(data.values(), data.rows());
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

    /**
     * Batch scoring straight on the trained booster: rows go into one dense float DMatrix per chunk (NaN =
     * missing, as in training where missing features were left out), one native predict call per chunk.
     * Tribuo's {@code predict(Iterable)} also batches, but first builds an Example and afterwards a Prediction
     * with a map of label scores for every row; at a million rows that object churn, not the trees, was the cost.
     * The column order follows the model's own feature-ID map, so a feature unknown to the model is ignored
     * exactly as Tribuo would.
     */
    static final class Scorer implements TrainingSets.ChunkScorer {

        private final Booster booster;
        private final int[] columnOf; // input j -> model feature id, or -1
        private final int width;
        private final int positiveId;

        Scorer(Model<Label> model, List<String> names) {
            if (!(model instanceof XGBoostModel<Label> xgb) || xgb.getInnerModels().size() != 1) {
                throw new IllegalArgumentException("not a single-booster XGBoost model: " + model.getClass().getName());
            }
            this.booster = xgb.getInnerModels().get(0);
            ImmutableFeatureMap features = model.getFeatureIDMap();
            this.width = features.size();
            this.columnOf = new int[names.size()];
            for (int j = 0; j < columnOf.length; j++) {
                columnOf[j] = features.getID(names.get(j));
            }
            this.positiveId = model.getOutputIDInfo().getID(new Label(POSITIVE));
        }

        /** Probability of the positive class for the first {@code rows} rows of {@code values}. */
        @Override
        public double[] score(double[][] values, int rows) {
            if (rows == 0) {
                return new double[0];
            }
            float[] dense = new float[rows * width];
            java.util.Arrays.fill(dense, Float.NaN);
            for (int i = 0; i < rows; i++) {
                double[] row = values[i];
                int offset = i * width;
                for (int j = 0; j < row.length; j++) {
                    if (columnOf[j] >= 0) {
                        dense[offset + columnOf[j]] = (float) row[j];
                    }
                }
            }
            try {
                DMatrix matrix = new DMatrix(dense, rows, width, Float.NaN);
                try {
                    float[][] predictions = booster.predict(matrix);
                    double[] scores = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        // binary:logistic gives P(label id 1) in one column; softprob one column per label id
                        float[] p = predictions[i];
                        scores[i] = p.length == 1 ? (positiveId == 1 ? p[0] : 1 - p[0]) : p[positiveId];
                    }
                    return scores;
                } finally {
                    matrix.dispose();
                }
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
            }
        }
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
