package dev.segmentagent.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

import java.nio.file.Path;

/**
 * Where the reviewed catalog lives and how strictly it is checked at start.
 *
 * @param dir             folder with catalog.schema.json and the YAML files (relative to the working directory)
 * @param verifyWarehouse check every table/column the catalog names against the warehouse at start
 */
@ConfigurationProperties("segment.catalog")
public record CatalogConfig(
        @Bindable(defaultValue = "schema-catalog") @NotBlank String dir,
        @Bindable(defaultValue = "true") boolean verifyWarehouse) {

    public Path path() {
        return Path.of(dir);
    }
}
