package dev.segmentagent.features;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.Test;

/** Not a test: prints model quality on demo data (run with -Dtest=ModelQualityProbe). */
class ModelQualityProbe {

    @Test
    void print_quality() {
        int customers = Integer.getInteger("probe.customers", 10_000);
        Catalog catalog = DemoModels.catalog();
        long g0 = System.nanoTime();
        try (DuckDbWarehouse warehouse = DemoModels.warehouse(customers, 42, catalog)) {
            System.out.println("generated " + customers + " customers + features in " + (System.nanoTime() - g0) / 1e9 + " s");
            ModelsConfig config = DemoModels.config();
            TrainingSets sets = new TrainingSets(warehouse, catalog);
            long t0 = System.nanoTime();
            TrainedModel churn = new ClassifierTraining(sets, config).train(Outcome.churn(90), ScoreTiers.CHURN, DemoModels.AS_OF, "v1", Progress.none());
            System.out.println("churn " + churn.metrics() + " in " + (System.nanoTime() - t0) / 1e9 + " s");
            System.out.println("importance " + churn.details().get("importance"));
            t0 = System.nanoTime();
            TrainedModel prop = new ClassifierTraining(sets, config).train(Outcome.purchase(30), ScoreTiers.PROPENSITY, DemoModels.AS_OF, "v1", Progress.none());
            System.out.println("propensity " + prop.metrics() + " in " + (System.nanoTime() - t0) / 1e9 + " s");
            t0 = System.nanoTime();
            TrainedModel behaviour = new BehaviourClustering(warehouse, config).train("v1", Progress.none());
            System.out.println("behaviour " + behaviour.metrics() + " " + behaviour.details().get("silhouette_by_k") + " in " + (System.nanoTime() - t0) / 1e9 + " s");
            ((java.util.List<?>) behaviour.details().get("profiles")).forEach(p -> System.out.println("  " + p));
            t0 = System.nanoTime();
            TrainedModel rfm = new RfmTraining(warehouse).train("v1", Progress.none());
            System.out.println("rfm " + rfm.metrics() + " in " + (System.nanoTime() - t0) / 1e9 + " s " + rfm.details().get("segment_sizes"));
            t0 = System.nanoTime();
            ScoreTables tables = new ScoreTables(warehouse);
            tables.replace(churn.scores());
            tables.replace(prop.scores());
            tables.replace(rfm.scores());
            tables.replace(behaviour.assignments());
            new dev.segmentagent.catalog.FeatureBuilder().build(warehouse, catalog, DemoModels.AS_OF);
            System.out.println("wrote scores and rebuilt customer_features in " + (System.nanoTime() - t0) / 1e9 + " s");
        }
    }
}
