package dev.segmentagent.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import org.tribuo.Model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model version on disk, under {@code {root}/{name}/{version}/}:
 * <ul>
 *   <li>{@code model.tribuo}: the Tribuo model in its protobuf serialisation (absent for rule models)</li>
 *   <li>{@code state.json}: what scoring needs besides it (RFM breakpoints, standardisation, cluster names)</li>
 *   <li>{@code metadata.json}: Tribuo ModelProvenance as JSON, the data snapshot (warehouse as-of, row counts,
 *       catalog fingerprint), metrics and details (cut-offs, parameters, seed, importance, profiles)</li>
 * </ul>
 * Files are written into a temporary folder and moved into place, so a half-written version never exists.
 */
final class ModelFiles {

    static final String MODEL_FILE = "model.tribuo";
    static final String STATE_FILE = "state.json";
    static final String METADATA_FILE = "metadata.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .findAndRegisterModules();

    /** A version read back from disk. */
    record Loaded(Model<?> tribuo, JsonNode state, JsonNode metadata) {}

    private final Path root;

    ModelFiles(Path root) {
        this.root = root;
    }

    Path folder(String name, int version) {
        return root.resolve(name).resolve(Integer.toString(version));
    }

    Path save(TrainedModel trained, int version, Map<String, Object> snapshot) {
        Path target = folder(trained.name(), version);
        Path temporary = target.resolveSibling(version + ".tmp");
        try {
            // leftovers of a run that died before registering its version (or of a reset metadata store)
            deleteTree(temporary);
            deleteTree(target);
            Files.createDirectories(temporary);
            if (trained.tribuo() != null) {
                trained.tribuo().serializeToFile(temporary.resolve(MODEL_FILE));
            }
            JSON.writeValue(temporary.resolve(STATE_FILE).toFile(), trained.state());
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", trained.name());
            metadata.put("version", version);
            metadata.put("data_snapshot", snapshot);
            metadata.put("metrics", trained.metrics());
            metadata.put("details", trained.details());
            metadata.put("provenance", trained.tribuo() == null ? null
                    : ProvenanceUtil.convertToMap(trained.tribuo().getProvenance()));
            JSON.writeValue(temporary.resolve(METADATA_FILE).toFile(), metadata);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("saving model " + trained.name() + " version " + version + " failed", e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    Loaded load(String name, int version) {
        Path folder = folder(name, version);
        try {
            Path modelFile = folder.resolve(MODEL_FILE);
            Model<?> model = Files.exists(modelFile) ? Model.deserializeFromFile(modelFile) : null;
            return new Loaded(model, JSON.readTree(folder.resolve(STATE_FILE).toFile()),
                    JSON.readTree(folder.resolve(METADATA_FILE).toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("loading model " + name + " version " + version + " from " + folder + " failed", e);
        }
    }

    /** metadata.json of a version, or an empty object when its folder is gone. */
    JsonNode metadata(String name, int version) {
        Path file = folder(name, version).resolve(METADATA_FILE);
        try {
            return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
        } catch (IOException e) {
            ObjectNode error = JSON.createObjectNode();
            error.put("error", "unreadable metadata: " + e.getMessage());
            return error;
        }
    }
}
