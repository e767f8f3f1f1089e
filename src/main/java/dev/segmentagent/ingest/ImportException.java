package dev.segmentagent.ingest;

import java.util.List;

/**
 * A file or table that cannot be imported, with where it went wrong: nothing was loaded when this is thrown.
 *
 * @param code   stable, e.g. ragged-row, invalid-encoding, duplicate-key, null-key, unparseable-date
 * @param table  customers, orders or events (null when not tied to one)
 * @param rows   positions of the offending rows (at most {@link #MAX_ROWS}); see {@code unit}
 * @param unit   what a position counts: "line" (CSV, header = line 1) or "record" (1-based row of the source)
 */
public class ImportException extends RuntimeException {

    public static final int MAX_ROWS = 20;

    private final String code;
    private final String table;
    private final List<Long> rows;
    private final String unit;

    public ImportException(String code, String table, String message) {
        this(code, table, message, List.of(), null);
    }

    public ImportException(String code, String table, String message, List<Long> rows, String unit) {
        super(message);
        this.code = code;
        this.table = table;
        this.rows = List.copyOf(rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows);
        this.unit = unit;
    }

    public String code() {
        return code;
    }

    public String table() {
        return table;
    }

    public List<Long> rows() {
        return rows;
    }

    public String unit() {
        return unit;
    }
}
