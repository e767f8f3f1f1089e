package dev.segmentagent.ingest;

import java.util.List;

/**
 * An imported table as the catalog drafter sees it.
 *
 * @param timeColumn the column events of this table happen at (orders/events), null for customers
 * @param amount     the money column of an orders table, null when none was recognised
 * @param typeColumn the low-cardinality column naming the kind of event (events), null when none
 */
record TableProfile(String role, String sourceName, long rows, List<ColumnProfile> columns, String timeColumn,
                    String amount, String typeColumn) {
}
