package dev.segmentagent.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an import did.
 *
 * @param rows      rows loaded per table (customers, orders, events)
 * @param keys      the source column used as key per table
 * @param asOf      the instant relative windows are measured from on this data
 * @param catalog   the folder holding the catalog draft (or the reviewed catalog kept because it still fits)
 * @param drafted   whether a new draft was written (false: the catalog there still fitted and was kept)
 * @param refreshed saved segments refreshed after the swap
 * @param job       the job_run row of this import (null until the import service has recorded it)
 */
public record ImportReport(Map<String, Long> rows, Map<String, String> keys, Instant asOf, Path catalog,
                           boolean drafted, List<String> warnings, long millis, int refreshed,
                           java.util.UUID job) {

    ImportReport withCatalog(Path dir, boolean wasDrafted) {
        return new ImportReport(rows, keys, asOf, dir, wasDrafted, warnings, millis, refreshed, job);
    }

    public ImportReport withRefreshed(int segments) {
        return new ImportReport(rows, keys, asOf, catalog, drafted, warnings, millis, segments, job);
    }

    ImportReport withJob(java.util.UUID id) {
        return new ImportReport(rows, keys, asOf, catalog, drafted, warnings, millis, refreshed, id);
    }
}
