package dev.segmentagent.api;

import dev.segmentagent.catalog.CatalogFixtures;
import dev.segmentagent.catalog.CatalogLoader;
import dev.segmentagent.catalog.FeatureBuilder;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * For {@link CatalogControllerTest} only (its own environment): the fixture warehouse with features built,
 * in place of the file warehouse, so the HTTP answers can be checked against hand-made rows.
 */
@Factory
@Requires(env = CatalogControllerTest.ENVIRONMENT)
class CatalogApiTestFactory {

    @Singleton
    @Replaces(DuckDbWarehouse.class)
    @Bean(preDestroy = "close")
    DuckDbWarehouse fixtureWarehouse() {
        DuckDbWarehouse warehouse = CatalogFixtures.warehouse();
        new FeatureBuilder().build(warehouse, new CatalogLoader().load(CatalogFixtures.CATALOG_DIR), CatalogFixtures.AS_OF);
        return warehouse;
    }
}
