package dev.segmentagent.ingest;

/** Quoting for the few names and paths the importer must write into SQL text (DuckDB table functions take no parameters). */
final class Sql {

    private Sql() {
    }

    static String id(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
