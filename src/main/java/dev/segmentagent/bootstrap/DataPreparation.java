package dev.segmentagent.bootstrap;

import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.warehouse.DemoDataGenerator;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.GenerationReport;
import dev.segmentagent.warehouse.GeneratorOptions;
import dev.segmentagent.warehouse.ProgressReporter;
import dev.segmentagent.warehouse.WarehouseConfig;
import dev.segmentagent.warehouse.WarehouseFacts;
import dev.segmentagent.warehouse.WarehouseMetaKeys;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes the warehouse ready to segment: demo data when it is empty (and allowed), the per-customer feature
 * table when the data or the catalog changed since it was last built, then fresh field profiles.
 */
@Singleton
public class DataPreparation {

    private static final Logger LOG = LoggerFactory.getLogger(DataPreparation.class);

    private final DuckDbWarehouse warehouse;
    private final WarehouseConfig config;
    private final WarehouseFacts facts;
    private final CatalogService catalogs;
    private final DemoDataGenerator generator = new DemoDataGenerator();

    DataPreparation(DuckDbWarehouse warehouse, WarehouseConfig config, WarehouseFacts facts,
                    CatalogService catalogs) {
        this.warehouse = warehouse;
        this.config = config;
        this.facts = facts;
        this.catalogs = catalogs;
    }

    /** What start-up found and did, for the log line and the CLI. */
    public record Readiness(long customers, Instant asOf, Optional<GenerationReport> generated,
                            Duration featureBuild) {}

    public Readiness ensureReady(ProgressReporter progress) {
        Optional<GenerationReport> generated = Optional.empty();
        if (!generator.hasData(warehouse)) {
            if (!config.generateIfEmpty()) {
                LOG.warn("the warehouse {} has no customers and demo generation is off", config.warehouseFile());
            } else {
                generated = Optional.of(generateDemo(config.demoCustomers(), config.demoSeed(), progress));
            }
        }
        Duration featureBuild = Duration.ZERO;
        if (generated.isEmpty() && featuresStale()) {
            featureBuild = rebuildFeatures();
        }
        return new Readiness(facts.customerCount(), facts.asOf(), generated, featureBuild);
    }

    /** Replaces the warehouse's data with freshly generated demo data and rebuilds what depends on it. */
    public GenerationReport generateDemo(int customers, long seed, ProgressReporter progress) {
        GeneratorOptions options = new GeneratorOptions(seed, customers, GeneratorOptions.DEFAULT_AS_OF,
                GeneratorOptions.DEFAULT_HISTORY_DAYS);
        LOG.info("generating demo data: {} customers, seed {}", customers, seed);
        GenerationReport report = generator.generate(warehouse, options, progress);
        facts.invalidate();
        rebuildFeatures();
        return report;
    }

    private Duration rebuildFeatures() {
        Instant started = Instant.now();
        Instant asOf = facts.asOf();
        catalogs.rebuildFeatures(asOf); // also refreshes the field profiles
        facts.put(WarehouseMetaKeys.FEATURES_BUILT_FOR, stamp(asOf));
        Duration took = Duration.between(started, Instant.now());
        LOG.info("built customer_features for {} fields as of {} in {} ms", catalogs.catalog().fields().size(),
                asOf, took.toMillis());
        return took;
    }

    /** Features are stale when built for other data (as-of) or another catalog (its fingerprint). */
    private boolean featuresStale() {
        return !facts.get(WarehouseMetaKeys.FEATURES_BUILT_FOR).equals(Optional.of(stamp(facts.asOf())));
    }

    private String stamp(Instant asOf) {
        return asOf + "|" + catalogs.fingerprint();
    }
}
