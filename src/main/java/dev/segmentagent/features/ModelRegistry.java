package dev.segmentagent.features;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The model_version table: which versions exist and which one of each model is active. */
@Singleton
public class ModelRegistry {

    private final ModelVersionRepository versions;
    private final Clock clock;

    ModelRegistry(ModelVersionRepository versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    public List<ModelVersionRecord> versions(String name) {
        return versions.findByNameOrderByVersionDesc(name);
    }

    public Optional<ModelVersionRecord> active(String name) {
        return versions.findByNameAndActiveTrue(name);
    }

    public boolean anyActive() {
        return !versions.findByActiveTrue().isEmpty();
    }

    int nextVersion(String name) {
        return versions.findByNameOrderByVersionDesc(name).stream().mapToInt(ModelVersionRecord::version).max().orElse(0) + 1;
    }

    /** Records a trained version and makes it the only active one of its model, in one transaction. */
    @Transactional
    public ModelVersionRecord activate(String name, int version, String metricsJson, String path) {
        versions.findByNameAndActiveTrue(name).ifPresent(old -> versions.update(old.activated(false)));
        return versions.save(new ModelVersionRecord(UUID.randomUUID(), name, version, ModelVersionRecord.TRAINED,
                clock.instant(), metricsJson, true, path, null));
    }

    @Transactional
    public ModelVersionRecord failed(String name, int version, String error) {
        String clipped = error == null ? "unknown error" : error.length() > 3900 ? error.substring(0, 3900) : error;
        return versions.save(new ModelVersionRecord(UUID.randomUUID(), name, version, ModelVersionRecord.FAILED,
                clock.instant(), null, false, null, clipped));
    }
}
