package dev.segmentagent.catalog;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current catalog, its field profiles and its search, for every channel and the agent's tools.
 *
 * <p>Created eagerly ({@code @Context}, a singleton built at start-up) so that a catalog that fails its
 * schema, its semantic checks or the warehouse check stops the application with the problem list instead of
 * failing on the first request. Profiles are read at start when customer_features exists and refreshed by
 * {@link #rebuildFeatures} after each data load.
 */
@Context
public class CatalogService {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogService.class);

    private final DuckDbWarehouse warehouse;
    private final Catalog catalog;
    private final FieldSearch search;
    private final String fingerprint;
    private volatile Map<String, FieldProfile> profiles = Map.of();

    public CatalogService(CatalogConfig config, DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
        this.catalog = new CatalogLoader().load(config.path());
        this.fingerprint = CatalogFingerprint.of(config.path());
        if (config.verifyWarehouse()) {
            try (Connection connection = warehouse.connection()) {
                CatalogWarehouseCheck.verify(catalog, connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot check the catalog against the warehouse: " + e.getMessage(), e);
            }
        }
        this.search = FieldSearch.keywords(catalog);
        if (featuresExist()) {
            refreshProfiles();
        }
        LOG.info("catalog {}: {} fields, {} events, {} models, {} examples", config.dir(), catalog.fields().size(),
                catalog.events().size(), catalog.models().size(), catalog.examples().size());
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * A digest of the catalog files: the feature table records the fingerprint it was built for, so an edited
     * derivation rebuilds the features at the next start.
     */
    public String fingerprint() {
        return fingerprint;
    }

    public Optional<FieldSpec> field(String name) {
        return catalog.field(name);
    }

    /** Profiles by field name; empty until customer_features has been built. */
    public Map<String, FieldProfile> profiles() {
        return profiles;
    }

    public Optional<FieldProfile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    public List<FieldHit> search(String query, int limit) {
        return search.search(query, limit);
    }

    public List<FieldHit> search(String query) {
        return search.search(query);
    }

    /** Rebuilds customer_features as of an instant and refreshes the profiles: call after every data load. */
    public synchronized FeatureBuildReport rebuildFeatures(Instant asOf) {
        FeatureBuildReport report = new FeatureBuilder().build(warehouse, catalog, asOf);
        refreshProfiles();
        return report;
    }

    public synchronized void refreshProfiles() {
        long started = System.nanoTime();
        profiles = Map.copyOf(new FieldProfiler().profile(warehouse, catalog));
        LOG.info("profiled {} fields in {} ms", profiles.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private boolean featuresExist() {
        String sql = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?";
        try (Connection connection = warehouse.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, FeatureSql.FEATURE_TABLE);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the warehouse tables: " + e.getMessage(), e);
        }
    }
}
