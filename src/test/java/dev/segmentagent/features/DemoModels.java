package dev.segmentagent.features;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogLoader;
import dev.segmentagent.catalog.FeatureBuilder;
import dev.segmentagent.warehouse.DemoDataGenerator;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.GeneratorOptions;
import dev.segmentagent.warehouse.ProgressReporter;

import java.nio.file.Path;
import java.time.Instant;

/** Demo data with customer_features built, for the model tests. */
final class DemoModels {

    static final Path CATALOG_DIR = Path.of("schema-catalog");
    static final Instant AS_OF = GeneratorOptions.DEFAULT_AS_OF;

    private DemoModels() {
    }

    static Catalog catalog() {
        return new CatalogLoader().load(CATALOG_DIR);
    }

    static DuckDbWarehouse warehouse(int customers, long seed, Catalog catalog) {
        DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory();
        new DemoDataGenerator().generate(warehouse, GeneratorOptions.defaults(seed).withCustomers(customers),
                ProgressReporter.silent());
        new FeatureBuilder().build(warehouse, catalog, AS_OF);
        return warehouse;
    }

    static ModelsConfig config() {
        return ModelsConfig.defaults();
    }
}
