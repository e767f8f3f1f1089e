package dev.segmentagent.features;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of model_version: one trained (or failed) version of a model and whether it is the active one. */
@MappedEntity("model_version")
public record ModelVersionRecord(
        @Id UUID id,
        String name,
        int version,
        String status,
        Instant trainedAt,
        @Nullable String metricsJson,
        boolean active,
        @Nullable String path,
        @Nullable String error) {

    static final String TRAINED = "trained";
    static final String FAILED = "failed";

    ModelVersionRecord activated(boolean on) {
        return new ModelVersionRecord(id, name, version, status, trainedAt, metricsJson, on, path, error);
    }

    /** The value written to model_version columns of the score tables, e.g. "churn:v3". */
    String label() {
        return name + ":v" + version;
    }
}
