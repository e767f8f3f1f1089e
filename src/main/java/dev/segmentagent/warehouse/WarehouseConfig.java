package dev.segmentagent.warehouse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import java.nio.file.Path;

/**
 * Where the behavioural data lives and what to do when it is empty.
 *
 * @param dir             the data folder (DuckDB warehouse, embedded metadata database)
 * @param file            the DuckDB file name inside {@code dir}
 * @param generateIfEmpty generate the demo data at start when the warehouse has no customers
 * @param demoCustomers   how many demo customers to generate
 * @param demoSeed        the demo generator's seed (same seed, same data)
 */
@ConfigurationProperties("segment.data")
public record WarehouseConfig(
        @Bindable(defaultValue = "./data") @NotBlank String dir,
        @Bindable(defaultValue = "warehouse.duckdb") @NotBlank String file,
        @Bindable(defaultValue = "true") boolean generateIfEmpty,
        @Bindable(defaultValue = "50000") @Positive int demoCustomers,
        @Bindable(defaultValue = "42") long demoSeed) {

    public Path warehouseFile() {
        return Path.of(dir).resolve(file);
    }
}
