package dev.segmentagent.api;

import dev.segmentagent.ingest.ImportException;
import dev.segmentagent.ingest.ImportReport;
import dev.segmentagent.ingest.ImportRequest;
import dev.segmentagent.ingest.ImportService;
import dev.segmentagent.ingest.ImportSource;
import dev.segmentagent.warehouse.ProgressReporter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Admin import of files on the server's disk (paths), onto the same ImportService as the CLI. */
@Controller("/api/imports")
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    /**
     * @param customers      path of the customers file (.csv, .parquet, .json, .ndjson, .jsonl)
     * @param orders         optional orders file
     * @param events         optional events file
     * @param idColumn       the customers key column as named in the file (inferred when absent)
     * @param customerColumn the orders/events column naming the customer (inferred when absent)
     * @param redraft        rewrite the catalog draft even if the catalog there still fits
     */
    @Introspected
    record ImportBody(@Nullable String customers, @Nullable String orders, @Nullable String events, @Nullable String idColumn,
                      @Nullable String customerColumn, @Nullable Boolean redraft) {}

    @Introspected
    record ImportView(Map<String, Long> rows, Map<String, String> keys, Instant asOf, String catalog, boolean drafted,
                      List<String> warnings, long millis, int refreshedSegments, java.util.UUID job) {
        static ImportView of(ImportReport r) {
            return new ImportView(r.rows(), r.keys(), r.asOf(), r.catalog().toString(), r.drafted(), r.warnings(),
                    r.millis(), r.refreshed(), r.job());
        }
    }

    /** One import job: running, succeeded, or failed with the reason (an import cut short by a crash included). */
    @Introspected
    record JobView(java.util.UUID id, String tables, String status, String phase, Instant startedAt,
                   Instant finishedAt, String error) {
        static JobView of(dev.segmentagent.jobs.JobRunRecord r) {
            return new JobView(r.id(), r.subject(), r.status(), r.phase(), r.startedAt(), r.finishedAt(), r.error());
        }
    }

    /** The latest import jobs, newest first. */
    @io.micronaut.http.annotation.Get("/jobs")
    List<JobView> jobs() {
        return imports.recentJobs(20).stream().map(JobView::of).toList();
    }

    @Post
    ImportView create(@Body ImportBody body) {
        if (body.customers() == null || body.customers().isBlank()) {
            throw new ImportException("missing-source", "customers", "customers (a file path) is required");
        }
        ImportRequest request = new ImportRequest(ImportSource.File.of(Path.of(body.customers())),
                body.orders() == null ? null : ImportSource.File.of(Path.of(body.orders())),
                body.events() == null ? null : ImportSource.File.of(Path.of(body.events())),
                body.idColumn(), body.customerColumn(), null, Boolean.TRUE.equals(body.redraft()));
        return ImportView.of(imports.importData(request, ProgressReporter.silent(), false));
    }

    /** A rejected import: 422 with the code, the table and the offending rows (lines of a CSV). */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class ImportProblem implements ExceptionHandler<ImportException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ImportException e) {
            Map<String, Object> issue = new HashMap<>();
            issue.put("code", e.code());
            issue.put("message", e.getMessage());
            if (e.table() != null) {
                issue.put("table", e.table());
            }
            if (!e.rows().isEmpty()) {
                issue.put("rows", e.rows());
                issue.put("unit", e.unit());
            }
            HttpStatus status = e.code().equals(dev.segmentagent.ingest.Importer.DISK_FULL)
                    ? HttpStatus.INSUFFICIENT_STORAGE : HttpStatus.UNPROCESSABLE_ENTITY;
            return DomainProblemHandlers.respond(request, status, e.code(), Stage.IMPORT,
                    e.getMessage(), List.of(issue));
        }
    }
}
