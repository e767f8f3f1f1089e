package dev.segmentagent.ingest;

import java.nio.file.Path;

/**
 * One import: a customers source and optional orders and events sources.
 *
 * @param idColumn         the customers key column as named in the source; null to infer it
 * @param customerColumn   the column of orders/events naming the customer; null to infer it
 * @param catalogDir       where the drafted catalog goes (null: {@code <data dir>/catalog})
 * @param redraft          rewrite the draft even when the catalog there still fits the new data
 */
public record ImportRequest(ImportSource customers, ImportSource orders, ImportSource events, String idColumn,
                            String customerColumn, Path catalogDir, boolean redraft) {

    public ImportRequest {
        if (customers == null) {
            throw new ImportException("missing-source", "customers", "a customers source is required");
        }
    }
}
