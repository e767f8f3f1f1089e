package dev.segmentagent.catalog;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Printout: time to recompute customer_features for one customer on a warehouse file. */
class SubsetRebuildProbe {

    @Test
    @EnabledIfSystemProperty(named = "probe.warehouse", matches = ".+")
    void time_a_one_customer_rebuild() {
        Catalog catalog = new CatalogLoader().load(Path.of("schema-catalog"));
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.openFile(Path.of(System.getProperty("probe.warehouse")))) {
            Instant asOf = Instant.parse(System.getProperty("probe.asOf", "2026-11-01T00:00:00Z"));
            FeatureBuilder builder = new FeatureBuilder();
            for (int i = 0; i < 6; i++) {
                long t = System.nanoTime();
                builder.rebuildCustomers(warehouse, catalog, asOf, List.of(17L + i));
                System.out.printf("one-customer rebuild: %d ms%n", (System.nanoTime() - t) / 1_000_000);
            }
        }
    }
}
