package dev.segmentagent.features;

import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Churn and purchase propensity: a point-in-time training set at an earlier cut-off, a time-based holdout at
 * the latest cut-off whose label window is fully observed (as-of minus the horizon), then scores for every
 * customer in the population from the features as of the warehouse as-of.
 *
 * <p>The model that scores is the one evaluated (trained at the earlier cut-off), so the reported holdout
 * metrics describe exactly the model in use.
 */
final class ClassifierTraining {

    /** Rows per native predict call when scoring: big enough to amortise the call, small enough for the heap. */
    static final int SCORE_CHUNK_ROWS = 65_536;

    private final TrainingSets sets;
    private final ModelsConfig config;

    ClassifierTraining(TrainingSets sets, ModelsConfig config) {
        this.sets = sets;
        this.config = config;
    }

    TrainedModel train(Outcome outcome, ScoreTiers tiers, Instant asOf, String version, Progress progress) {
        Instant testCutoff = asOf.minus(Duration.ofDays(outcome.horizonDays()));
        Instant trainCutoff = testCutoff.minus(Duration.ofDays(config.holdoutGapDays()));
        progress.report("building training set as of " + trainCutoff, 5);
        FeatureMatrix train = sets.labelled(outcome, trainCutoff);
        progress.report("building holdout set as of " + testCutoff, 20);
        FeatureMatrix test = sets.labelled(outcome, testCutoff);
        if (train.rows() == 0 || train.positives() == 0 || train.positives() == train.rows()) {
            throw new IllegalStateException("the " + outcome.model() + " training set as of " + trainCutoff
                    + " has " + train.rows() + " rows and " + train.positives()
                    + " positives: too little history before the cut-off to learn from");
        }
        BinaryClassifier.Parameters parameters = BinaryClassifier.Parameters.of(config);
        progress.report("training on " + train.rows() + " customers", 35);
        long started = System.nanoTime();
        Model<Label> model = BinaryClassifier.train(train, parameters, outcome.model() + " as of " + trainCutoff);
        long trainMs = (System.nanoTime() - started) / 1_000_000;
        progress.report("evaluating on " + test.rows() + " customers", 60);
        BinaryMetrics holdout = BinaryMetrics.of(test.labels(), BinaryClassifier.predict(model, test, config.threads()));
        progress.report("scoring", 75);
        started = System.nanoTime();
        TrainingSets.Scored current = sets.score(outcome, new BoosterScorer(model, train.names(), config.threads()), SCORE_CHUNK_ROWS);
        double[] scores = current.scores();
        long scoreMs = (System.nanoTime() - started) / 1_000_000;
        String[] tierNames = Arrays.stream(scores).mapToObj(tiers::tier).toArray(String[]::new);

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("holdout_roc_auc", holdout.rocAuc());
        metrics.put("holdout_pr_auc", holdout.prAuc());
        metrics.put("holdout_rows", holdout.rows());
        metrics.put("holdout_positive_rate", holdout.positiveRate());
        metrics.put("train_rows", train.rows());
        metrics.put("train_positive_rate", (double) train.positives() / train.rows());
        metrics.put("scored", current.ids().length);
        metrics.put("train_ms", trainMs);
        metrics.put("score_ms", scoreMs);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("label", (outcome.positiveWhenOrdered() ? "a completed order" : "no completed order")
                + " in the " + outcome.horizonDays() + " days after the cut-off"
                + (outcome.buyersOnly() ? "; customers with at least one order before it" : "; all customers"));
        details.put("train_cutoff", trainCutoff.toString());
        details.put("holdout_cutoff", testCutoff.toString());
        details.put("horizon_days", outcome.horizonDays());
        details.put("parameters", parameters);
        details.put("seed", config.seed());
        details.put("tiers", Map.of("high", ">= " + tiers.high(), "medium", ">= " + tiers.medium(), "low", "< " + tiers.medium()));
        details.put("features", train.names());
        details.put("importance", BinaryClassifier.importance(model, 20));
        details.put("calibration", holdout.calibration());
        return new TrainedModel(outcome.model(), version, model, Map.of("features", train.names()), metrics, details,
                new ScoreTables.Scores(outcome.model(), version, current.ids(), scores, tierNames), null);
    }
}
