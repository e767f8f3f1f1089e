package dev.segmentagent.features;

import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.jobs.JobRunRecord;
import dev.segmentagent.jobs.JobRuns;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseConfig;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * After a training run was killed, puts the model state back together at start-up. A training writes three
 * places one after the other: the model files, the outputs in DuckDB (one transaction), the registry in the
 * metadata store, then customer_features. The outputs are the commit point: a kill before their swap left the
 * old outputs, files of a version nobody serves (harmless) and the old registry; a kill after it left the new
 * outputs with the old registry or old customer_features. So: the registry follows the version DuckDB serves
 * (its files were saved before the swap), and customer_features is rebuilt from the outputs DuckDB holds.
 */
@Singleton
class ModelRecovery implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRecovery.class);
    private static final Pattern LABEL = Pattern.compile("(.+):v(\\d+)");

    private final JobRuns jobs;
    private final DuckDbWarehouse warehouse;
    private final ModelRegistry registry;
    private final ModelFiles files;
    private final CatalogService catalogs;
    private final WarehouseFacts facts;

    ModelRecovery(JobRuns jobs, DuckDbWarehouse warehouse, ModelRegistry registry, WarehouseConfig config,
                  CatalogService catalogs, WarehouseFacts facts) {
        this.jobs = jobs;
        this.warehouse = warehouse;
        this.registry = registry;
        this.files = new ModelFiles(Path.of(config.dir()).resolve("models"));
        this.catalogs = catalogs;
        this.facts = facts;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        List<String> models = jobs.interruptedAtStart().stream().filter(j -> j.kind().equals(JobRunRecord.TRAINING))
                .map(JobRunRecord::subject).distinct().toList();
        if (models.isEmpty()) {
            return;
        }
        for (String model : models) {
            followServedVersion(model);
        }
        catalogs.rebuildFeatures(facts.asOf());
        LOG.warn("training of {} was interrupted: registry checked against the served outputs, customer_features "
                + "rebuilt", models);
    }

    /** Makes the version whose outputs DuckDB holds the registry's active one, when the kill came between the two. */
    private void followServedVersion(String model) {
        List<String> served = servedLabels(model);
        if (served.size() != 1) {
            return; // no outputs yet, or several (cannot happen with the swap): nothing to follow
        }
        Matcher label = LABEL.matcher(served.get(0));
        if (!label.matches() || !label.group(1).equals(model)) {
            return;
        }
        int version = Integer.parseInt(label.group(2));
        boolean known = registry.versions(model).stream().anyMatch(v -> v.version() == version);
        Path folder = files.folder(model, version);
        if (known || !Files.exists(folder.resolve(ModelFiles.METADATA_FILE))) {
            return;
        }
        String metrics;
        try {
            metrics = ModelFiles.JSON.writeValueAsString(files.metadata(model, version).path("metrics"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            metrics = null;
        }
        registry.activate(model, version, metrics, folder.toString());
        LOG.warn("model {}: version {} was swapped in before the service stopped; it is now the active version",
                model, version);
    }

    private List<String> servedLabels(String model) {
        List<String> labels = new ArrayList<>();
        try (Connection c = warehouse.connection();
             PreparedStatement s = c.prepareStatement("SELECT DISTINCT model_version FROM model_scores WHERE model = ? "
                     + "UNION SELECT DISTINCT model_version FROM cluster_assignments WHERE model = ?")) {
            s.setString(1, model);
            s.setString(2, model);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    labels.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            LOG.warn("could not read the served version of model {}: {}", model, e.getMessage());
        }
        return labels;
    }
}
