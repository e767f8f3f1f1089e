package dev.segmentagent.features;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Settings of the ML features ({@code segment.models.*}).
 *
 * @param trainOnStart       train every model in the background after start-up when none is active yet
 * @param retrainCron        cron of the scheduled retraining of all models; unset: no schedule
 * @param churnHorizonDays   churn label: no completed order in this many days after the cut-off
 * @param propensityHorizonDays propensity label: a completed order within this many days after the cut-off
 * @param holdoutGapDays     the training cut-off lies this many days before the test cut-off (time-based holdout)
 * @param trees              boosting rounds of the XGBoost classifiers
 * @param threads            threads for XGBoost and k-means
 * @param seed               seed of every random choice in training (subsampling, k-means init, samples)
 * @param minClusters        smallest k tried for the behaviour clustering
 * @param maxClusters        largest k tried
 * @param silhouetteSample   customers sampled to compare k by silhouette
 */
@ConfigurationProperties("segment.models")
public record ModelsConfig(
        @Bindable(defaultValue = "true") boolean trainOnStart,
        @Nullable String retrainCron,
        @Bindable(defaultValue = "90") @Min(7) @Max(365) int churnHorizonDays,
        @Bindable(defaultValue = "30") @Min(7) @Max(365) int propensityHorizonDays,
        @Bindable(defaultValue = "90") @Min(7) @Max(365) int holdoutGapDays,
        @Bindable(defaultValue = "150") @Min(10) @Max(2000) int trees,
        @Bindable(defaultValue = "2") @Min(1) @Max(64) int threads,
        @Bindable(defaultValue = "42") long seed,
        @Bindable(defaultValue = "4") @Min(2) @Max(30) int minClusters,
        @Bindable(defaultValue = "10") @Min(2) @Max(30) int maxClusters,
        @Bindable(defaultValue = "2000") @Min(100) @Max(50000) int silhouetteSample) {

    public ModelsConfig {
        if (minClusters > maxClusters) {
            throw new IllegalArgumentException("segment.models.min-clusters (" + minClusters
                    + ") must not exceed max-clusters (" + maxClusters + ")");
        }
    }

    /** Defaults, for tests and tools outside the application context. */
    public static ModelsConfig defaults() {
        return new ModelsConfig(true, null, 90, 30, 90, 150, 2, 42, 4, 10, 2000);
    }
}
