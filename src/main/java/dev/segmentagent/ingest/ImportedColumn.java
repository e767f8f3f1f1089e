package dev.segmentagent.ingest;

/** A column of an imported table: its name in the source, its identifier in the warehouse, its kind. */
record ImportedColumn(String source, String name, ColumnKind kind) {
}
