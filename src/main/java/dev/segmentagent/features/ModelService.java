package dev.segmentagent.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.catalog.ModelSpec;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseConfig;
import dev.segmentagent.warehouse.WarehouseFacts;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a model version end to end: train on point-in-time data, store files and provenance, write its
 * outputs atomically, make it the active version, then rebuild customer_features so the catalog's model
 * fields (churn_risk, rfm_segment, behaviour_cluster...) read the new outputs.
 *
 * <p>One training at a time ({@code synchronized}): every run rewrites customer_features, and two runs
 * interleaving their rebuilds would only waste work.
 */
@Singleton
public class ModelService {

    private static final Logger LOG = LoggerFactory.getLogger(ModelService.class);
    /** The models this package knows how to train, in the order "train all" runs them. */
    static final List<String> TRAINABLE = List.of("rfm", "behaviour", "churn", "purchase_propensity");

    private final DuckDbWarehouse warehouse;
    private final CatalogService catalogs;
    private final WarehouseFacts facts;
    private final ModelsConfig config;
    private final ModelRegistry registry;
    private final ModelFiles files;
    private final ScoreTables scoreTables;

    /** Rule-based cluster names, or an LLM's polish of them when one is configured. */
    private final ClusterNaming naming;

    ModelService(DuckDbWarehouse warehouse, CatalogService catalogs, WarehouseFacts facts, ModelsConfig config,
                 ModelRegistry registry, WarehouseConfig warehouseConfig,
                 @io.micronaut.core.annotation.Nullable ClusterNaming naming) {
        this.naming = naming == null ? ClusterNaming.RULES : naming;
        this.warehouse = warehouse;
        this.catalogs = catalogs;
        this.facts = facts;
        this.config = config;
        this.registry = registry;
        this.files = new ModelFiles(Path.of(warehouseConfig.dir()).resolve("models"));
        this.scoreTables = new ScoreTables(warehouse);
    }

    /** The catalog's models that can be trained here. */
    public List<ModelSpec> models() {
        return catalogs.catalog().models().stream().filter(m -> TRAINABLE.contains(m.name())).toList();
    }

    public Optional<ModelSpec> model(String name) {
        return models().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** metadata.json of a stored version (metrics, importance, calibration, cluster profiles, provenance). */
    public JsonNode metadata(String name, int version) {
        return files.metadata(name, version);
    }

    /** What one training produced: the active version and its metrics. */
    public record Result(String model, int version, Map<String, Object> metrics, String path) {}

    public synchronized Result train(String name, Progress progress) {
        if (model(name).isEmpty()) {
            throw new IllegalArgumentException("no trainable model '" + name + "'");
        }
        int version = registry.nextVersion(name);
        String label = name + ":v" + version;
        Instant asOf = facts.asOf();
        long started = System.nanoTime();
        try {
            TrainedModel trained = trainer(name, label, asOf, progress);
            progress.report("saving version " + version, 85);
            Path path = files.save(trained, version, snapshot(asOf));
            progress.report("writing outputs", 90);
            if (trained.scores() != null) {
                scoreTables.replace(trained.scores());
            }
            if (trained.assignments() != null) {
                scoreTables.replace(trained.assignments());
            }
            registry.activate(name, version, json(trained.metrics()), path.toString());
            progress.report("rebuilding customer features", 95);
            catalogs.rebuildFeatures(asOf);
            LOG.info("model {} version {} trained and active in {} ms: {}", name, version,
                    (System.nanoTime() - started) / 1_000_000, trained.metrics());
            return new Result(name, version, trained.metrics(), path.toString());
        } catch (RuntimeException e) {
            LOG.warn("training model {} version {} failed: {}", name, version, e.toString());
            registry.failed(name, version, e.toString());
            throw e;
        }
    }

    private TrainedModel trainer(String name, String label, Instant asOf, Progress progress) {
        TrainingSets sets = new TrainingSets(warehouse, catalogs.catalog());
        return switch (name) {
            case "churn" -> new ClassifierTraining(sets, config)
                    .train(Outcome.churn(config.churnHorizonDays()), ScoreTiers.CHURN, asOf, label, progress);
            case "purchase_propensity" -> new ClassifierTraining(sets, config)
                    .train(Outcome.purchase(config.propensityHorizonDays()), ScoreTiers.PROPENSITY, asOf, label, progress);
            case "rfm" -> new RfmTraining(warehouse).train(label, progress);
            case "behaviour" -> new BehaviourClustering(warehouse, config, naming).train(label, progress);
            default -> throw new IllegalArgumentException("no trainer for model '" + name + "'");
        };
    }

    /** The data a version was trained on: enough to tell whether it is stale and to reproduce it. */
    private Map<String, Object> snapshot(Instant asOf) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("warehouse_as_of", asOf.toString());
        snapshot.put("customers", facts.customerCount());
        snapshot.put("orders", count("orders"));
        snapshot.put("web_events", count("web_events"));
        snapshot.put("catalog_fingerprint", catalogs.fingerprint());
        snapshot.put("warehouse_facts", facts.all());
        return snapshot;
    }

    private long count(String table) {
        try (var connection = warehouse.connection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private static String json(Map<String, Object> metrics) {
        try {
            return ModelFiles.JSON.writeValueAsString(metrics);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metrics are not serialisable: " + e.getMessage(), e);
        }
    }
}
