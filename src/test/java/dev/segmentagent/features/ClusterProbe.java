package dev.segmentagent.features;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.Test;

/** Not a test: prints clustering quality on demo data (run with -Dtest=ClusterProbe). */
class ClusterProbe {

    @Test
    void print_clusters() {
        System.setProperty("segment.models.ari-by-k", "true");
        Catalog catalog = DemoModels.catalog();
        try (DuckDbWarehouse warehouse = DemoModels.warehouse(Integer.getInteger("probe.customers", 10_000), 42, catalog)) {
            TrainedModel behaviour = new BehaviourClustering(warehouse, DemoModels.config()).train("v1", Progress.none());
            System.out.println("behaviour " + behaviour.metrics() + " sil " + behaviour.details().get("silhouette_by_k") + " ari " + behaviour.details().get("ari_by_k"));
            ((java.util.List<ClusterProfile>) behaviour.details().get("profiles")).forEach(p -> System.out.println("  " + p.name() + " (" + p.size() + "): " + p.persona()));
        }
    }
}
