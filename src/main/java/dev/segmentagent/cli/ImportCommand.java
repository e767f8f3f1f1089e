package dev.segmentagent.cli;

import dev.segmentagent.ingest.ImportException;
import dev.segmentagent.ingest.ImportReport;
import dev.segmentagent.ingest.ImportRequest;
import dev.segmentagent.ingest.ImportService;
import dev.segmentagent.ingest.ImportSource;
import dev.segmentagent.warehouse.ProgressReporter;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Imports a customers file (or JDBC query) plus optional orders/events into a data folder, with a progress bar. */
@Command(name = "import", description = "Import customers (CSV, Parquet, JSON or a JDBC query) and optional orders "
        + "and events into the data folder, replacing what is there atomically, and draft a catalog for them.")
class ImportCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    CustomersSource customers;

    static class CustomersSource {
        @Option(names = "--customers", description = "customers file: .csv, .parquet, .json/.ndjson/.jsonl")
        Path file;

        @Option(names = "--jdbc-url", description = "JDBC URL to read customers from (with --jdbc-query)")
        String jdbcUrl;
    }

    @Option(names = "--jdbc-query", description = "table name or SELECT for --jdbc-url")
    String jdbcQuery;

    @Option(names = "--jdbc-user", description = "JDBC user")
    String jdbcUser;

    @Option(names = "--jdbc-password", description = "JDBC password (or env SEGMENT_IMPORT_JDBC_PASSWORD)")
    String jdbcPassword;

    @Option(names = "--orders", description = "orders file (one row per order, with a customer column and a date)")
    Path orders;

    @Option(names = "--events", description = "events file (one row per event, with a customer column and a time)")
    Path events;

    @Option(names = "--id-column", description = "the customers key column as named in the source (default: inferred)")
    String idColumn;

    @Option(names = "--customer-column", description = "the orders/events column naming the customer (default: inferred)")
    String customerColumn;

    @Option(names = "--data-dir", defaultValue = "./data", description = "data folder (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--catalog-dir", description = "where the catalog draft goes (default: DATA_DIR/catalog)")
    Path catalogDir;

    @Option(names = "--redraft", description = "rewrite the catalog draft even when the one there still fits")
    boolean redraft;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() {
        Path draftDir = catalogDir != null ? catalogDir : dataDir.resolve("catalog");
        Map<String, Object> properties = new HashMap<>();
        properties.put("segment.data.dir", dataDir.toString());
        properties.put("segment.data.generate-if-empty", false);
        properties.put("segment.startup.prepare-data", false);
        properties.put("segment.models.train-on-start", false);
        properties.put("micronaut.server.enabled", false);
        if (Files.isRegularFile(draftDir.resolve("imported.yml"))) {
            // a re-import: run on the import's own catalog so saved segments and features refresh at once
            properties.put("segment.catalog.dir", draftDir.toString());
        }
        ImportSource source = customers.file != null ? ImportSource.File.of(customers.file)
                : new ImportSource.Jdbc(customers.jdbcUrl, jdbcUser,
                jdbcPassword != null ? jdbcPassword : System.getenv("SEGMENT_IMPORT_JDBC_PASSWORD"),
                jdbcQuery == null ? "customers" : jdbcQuery);
        ImportRequest request = new ImportRequest(source, orders == null ? null : ImportSource.File.of(orders),
                events == null ? null : ImportSource.File.of(events), idColumn, customerColumn, draftDir, redraft);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                .eagerInitSingletons(false).start()) {
            ImportReport report = context.getBean(ImportService.class)
                    .importData(request, quiet ? ProgressReporter.silent() : ProgressReporter.console(), true);
            System.out.printf("imported %s in %,d ms (keys %s); data as of %s%n", report.rows(), report.millis(),
                    report.keys(), report.asOf());
            System.out.println((report.drafted() ? "catalog draft written to " : "catalog kept (still fits): ")
                    + report.catalog().resolve("imported.yml") + "; review it, then run with SEGMENT_CATALOG_DIR="
                    + report.catalog());
            report.warnings().forEach(w -> System.out.println("warning: " + w));
            return 0;
        } catch (ImportException e) {
            System.err.println("import failed [" + e.code() + (e.table() == null ? "" : ", " + e.table()) + "]: "
                    + e.getMessage());
            System.err.println("nothing was changed in " + dataDir);
            return 2;
        }
    }
}
