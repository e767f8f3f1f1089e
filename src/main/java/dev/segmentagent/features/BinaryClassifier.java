package dev.segmentagent.features;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
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
        for (int i = 0; i < data.rows(); i++) {
            dataset.add(example(data.names(), data.values()[i], new Label(data.labels()[i] ? POSITIVE : NEGATIVE)));
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
        List<Example<Label>> examples = new ArrayList<>(data.rows());
        for (int i = 0; i < data.rows(); i++) {
            examples.add(example(data.names(), data.values()[i], LABELS.getUnknownOutput()));
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

    private static Example<Label> example(List<String> names, double[] values, Label label) {
        ArrayExample<Label> example = new ArrayExample<>(label);
        for (int j = 0; j < values.length; j++) {
            if (!Double.isNaN(values[j])) {
                example.add(names.get(j), values[j]);
            }
        }
        return example;
    }
}
