package dev.segmentagent.ingest;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogConfig;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.catalog.FeatureBuilder;
import dev.segmentagent.jobs.JobRunRecord;
import dev.segmentagent.jobs.JobRuns;
import dev.segmentagent.live.LiveSegments;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.ProgressReporter;
import dev.segmentagent.warehouse.WarehouseConfig;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports customer data for every channel (CLI and the admin REST endpoint): load all or nothing, draft the
 * catalog, then rebuild features and refresh saved segments when the running catalog is the import's own.
 *
 * <p>The import writes through the warehouse's read-write connection: it is an admin task, while segment SQL
 * keeps running in read-only transactions.
 */
@Singleton
public class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final DuckDbWarehouse warehouse;
    private final WarehouseFacts facts;
    private final WarehouseConfig data;
    private final CatalogConfig catalogConfig;
    private final CatalogService catalogs;
    private final LiveSegments live;
    private final String memoryLimit;
    private final ColumnDescriber describer;
    private final JobRuns jobs;

    ImportService(DuckDbWarehouse warehouse, WarehouseFacts facts, WarehouseConfig data, CatalogConfig catalogConfig,
                  CatalogService catalogs, LiveSegments live,
                  @Value("${segment.import.memory-limit:2GB}") String memoryLimit,
                  @io.micronaut.core.annotation.Nullable ColumnDescriber describer, JobRuns jobs) {
        this.describer = describer;
        this.jobs = jobs;
        this.warehouse = warehouse;
        this.facts = facts;
        this.data = data;
        this.catalogConfig = catalogConfig;
        this.catalogs = catalogs;
        this.live = live;
        this.memoryLimit = memoryLimit;
    }

    /** The folder the draft goes to unless the request names one. */
    public Path defaultCatalogDir() {
        return Path.of(data.dir()).resolve("catalog");
    }

    /**
     * Runs the import as a job (job_run): the row says running until the import ends, so an import cut short by a
     * crash is marked failed at the next start, while the swap in one transaction kept the previous data whole.
     *
     * @param standalone no service is answering on this warehouse (the CLI): when the running catalog is not the
     *                   import's, features are built from the import's catalog directly
     */
    public synchronized ImportReport importData(ImportRequest request, ProgressReporter progress, boolean standalone) {
        JobRunRecord job = jobs.start(JobRunRecord.IMPORT, tables(request));
        try {
            ImportReport report = run(request, progress, standalone).withJob(job.id());
            jobs.succeeded(job, null, rowsJson(report.rows()));
            return report;
        } catch (RuntimeException | Error e) {
            try {
                jobs.failed(job, e instanceof ImportException ie ? ie.code() + ": " + ie.getMessage() : e.toString());
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded); // e.g. the metadata store is on the same full disk: keep why it failed
            }
            throw e;
        }
    }

    /** The latest import jobs, newest first (a crashed one shows as failed with the reason). */
    public java.util.List<JobRunRecord> recentJobs(int limit) {
        return jobs.recent(JobRunRecord.IMPORT, limit);
    }

    private static String tables(ImportRequest request) {
        List<String> tables = new ArrayList<>(List.of("customers"));
        if (request.orders() != null) {
            tables.add("orders");
        }
        if (request.events() != null) {
            tables.add("events");
        }
        return String.join(",", tables);
    }

    private static String rowsJson(Map<String, Long> rows) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportReport run(ImportRequest request, ProgressReporter progress, boolean standalone) {
        Path dir = (request.catalogDir() == null ? defaultCatalogDir() : request.catalogDir()).toAbsolutePath().normalize();
        Path schema = catalogConfig.path().resolve(dev.segmentagent.catalog.CatalogLoader.SCHEMA_FILE);
        Importer.Result result = new Importer(memoryLimit).run(warehouse, request, progress,
                profiles -> CatalogDrafts.checkLoads(profiles, schema));
        facts.invalidate();
        List<String> warnings = new ArrayList<>(result.report().warnings());
        Map<String, DraftWording> wording = CatalogDrafts.needsDraft(dir, request.redraft(), warehouse)
                ? wording(result.profiles(), schema, warnings) : DraftWording.NONE;
        boolean drafted = CatalogDrafts.place(result.profiles(), wording, dir, schema, request.redraft(), warehouse);
        ImportReport report = result.report().withCatalog(dir, drafted);
        boolean running = catalogConfig.path().toAbsolutePath().normalize().equals(dir);
        if (running && !drafted) {
            catalogs.rebuildFeatures(report.asOf());
            int refreshed = live.refreshDependents(Set.copyOf(report.rows().keySet())).size();
            report = report.withRefreshed(refreshed);
        } else if (standalone) {
            Catalog catalog = CatalogDrafts.load(dir, warehouse);
            new FeatureBuilder().build(warehouse, catalog, report.asOf());
        } else {
            warnings.add("the service runs on catalog " + catalogConfig.dir() + "; restart it with SEGMENT_CATALOG_DIR="
                    + dir + " to segment the imported data (features were not rebuilt)");
        }
        LOG.info("imported {} in {} ms; catalog {} ({})", report.rows(), report.millis(), dir,
                drafted ? "new draft" : "kept");
        return new ImportReport(report.rows(), report.keys(), report.asOf(), report.catalog(), report.drafted(),
                List.copyOf(warnings), report.millis(), report.refreshed(), null);
    }

    /**
     * Descriptions and synonyms from the LLM when one is configured. The data is already swapped in at this
     * point, so a failing or unusable answer costs only the wording: the heuristic draft is written instead,
     * and the report says why.
     */
    private Map<String, DraftWording> wording(List<TableProfile> profiles, Path schema, List<String> warnings) {
        if (describer == null) {
            return DraftWording.NONE;
        }
        try {
            Map<String, DraftWording> wording = describer.describe(profiles);
            CatalogDrafts.checkLoads(profiles, wording, schema);
            return wording;
        } catch (RuntimeException e) {
            LOG.warn("LLM descriptions of the imported columns failed; keeping the heuristic draft", e);
            warnings.add("the LLM could not describe the imported columns (" + e.getMessage()
                    + "); the draft has heuristic descriptions");
            return DraftWording.NONE;
        }
    }
}
