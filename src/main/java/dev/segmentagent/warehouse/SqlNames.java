package dev.segmentagent.warehouse;

/**
 * Quoting for names that are not catalog identifiers but must be written into SQL text: a database's name
 * (taken from its file name), an imported file's column or table names. Catalog names go through their own
 * checked quoting instead (they must match the catalog's identifier pattern).
 */
public final class SqlNames {

    private SqlNames() {
    }

    /** The name as a DuckDB quoted identifier, embedded double quotes doubled. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
