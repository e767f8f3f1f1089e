package dev.segmentagent.catalog;

/**
 * A warehouse relation the catalog may derive from. {@code grain} says what one row is;
 * {@code customerKey} is the column that links a row to its customer.
 *
 * @param timeColumn the column that dates a row (e.g. orders.ordered_at), or null for undated tables. Feature
 *                   windows ("orders in the last 90 days") and the as-of cut-off are measured on it, so a
 *                   rebuild as of an earlier instant never sees later rows.
 */
public record TableSpec(String name, String description, String grain, String customerKey, String timeColumn) {

    /** A table without a time column (kept so code written against the four-component form still compiles). */
    public TableSpec(String name, String description, String grain, String customerKey) {
        this(name, description, grain, customerKey, null);
    }

    public boolean dated() {
        return timeColumn != null && !timeColumn.isBlank();
    }
}
