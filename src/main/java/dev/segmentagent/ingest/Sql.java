package dev.segmentagent.ingest;

/**
 * Quoting for the paths and texts the importer must write into SQL (DuckDB table functions take no parameters);
 * names go through {@link dev.segmentagent.warehouse.SqlNames#quote}.
 */
final class Sql {

    private Sql() {
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
