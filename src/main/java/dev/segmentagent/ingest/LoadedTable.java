package dev.segmentagent.ingest;

import java.util.List;
import java.util.Optional;

/**
 * A source read into the reader database as {@code table}: a {@code __row} position column plus the
 * normalised, typed columns. {@code unit} says what a position means to the user (CSV line or record).
 */
record LoadedTable(String role, ImportSource source, String table, List<ImportedColumn> columns, String unit,
                   long rows) {

    static final String ROW = "__row";

    Optional<ImportedColumn> column(String sourceOrName) {
        return columns.stream().filter(c -> c.source().equals(sourceOrName)).findFirst()
                .or(() -> columns.stream().filter(c -> c.name().equals(ColumnNames.normalize(sourceOrName))).findFirst());
    }

    /** What the user sees for a position: CSV lines count the header. */
    long userPosition(long row) {
        return unit.equals("line") ? row + 1 : row;
    }

    LoadedTable withColumns(List<ImportedColumn> replaced) {
        return new LoadedTable(role, source, table, replaced, unit, rows);
    }
}
