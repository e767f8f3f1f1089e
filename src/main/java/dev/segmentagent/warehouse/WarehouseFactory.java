package dev.segmentagent.warehouse;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class WarehouseFactory {

    @Singleton
    @Bean(preDestroy = "close")
    DuckDbWarehouse warehouse(WarehouseConfig config) {
        return DuckDbWarehouse.openFile(config.warehouseFile());
    }
}
