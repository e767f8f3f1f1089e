package dev.segmentagent.features;

import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** When models train without being asked: once after start-up (when none is active yet), and on a schedule. */
final class ModelTrainingTriggers {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainingTriggers.class);

    private ModelTrainingTriggers() {
    }

    static void trainAll(ModelService models, TrainingRuns runs, String why) {
        for (var model : models.models()) {
            TrainingRuns.RunView run = runs.submit(model.name());
            LOG.info("{}: training {} queued as run {}", why, model.name(), run.id());
        }
    }

    /**
     * After the server is up (data prepared, port open), trains every model in the background when there is
     * data and no active model, so a fresh demo start ends with churn risk, RFM and clusters filled in.
     */
    @Singleton
    @Requires(property = "segment.models.train-on-start", notEquals = "false")
    static class OnStart implements ApplicationEventListener<ServerStartupEvent> {

        private final ModelService models;
        private final TrainingRuns runs;
        private final WarehouseFacts facts;

        OnStart(ModelService models, TrainingRuns runs, WarehouseFacts facts) {
            this.models = models;
            this.runs = runs;
            this.facts = facts;
        }

        @Override
        public void onApplicationEvent(ServerStartupEvent event) {
            if (facts.customerCount() == 0) {
                LOG.info("no customers yet: models are not trained at start-up");
            } else if (models.registry().anyActive()) {
                LOG.info("active model versions found: no training at start-up");
            } else {
                trainAll(models, runs, "first start");
            }
        }
    }

    /** Retrains every model on {@code segment.models.retrain-cron} (unset: no schedule). */
    @Singleton
    @Requires(property = "segment.models.retrain-cron")
    static class OnSchedule {

        private final ModelService models;
        private final TrainingRuns runs;

        OnSchedule(ModelService models, TrainingRuns runs) {
            this.models = models;
            this.runs = runs;
        }

        @Scheduled(cron = "${segment.models.retrain-cron}")
        void retrain() {
            trainAll(models, runs, "scheduled retraining");
        }
    }
}
