package dev.segmentagent.sqlgen;

/**
 * The SQL engines a segment compiles for. DuckDB runs every segment in this service; Spark SQL is the
 * target for data that outgrows one node (README "Beyond one machine"). The compiled statements differ only
 * where the engines do: identifier quotes and the ISO day of week. Everything else the compiler emits
 * (COALESCE-wrapped leaves, IN sub-queries, DECIMAL sums, positional {@code ?} parameters) reads the same
 * in both, which the Spark agreement test checks member for member.
 */
public enum SqlDialect {

    DUCKDB('"') {
        @Override
        String isoDayOfWeek(String expression) {
            return "isodow(" + expression + ")";
        }
    },

    /** Spark SQL 3.5+ (positional parameters through {@code SparkSession.sql(String, Object[])}). */
    SPARK('`') {
        @Override
        String isoDayOfWeek(String expression) {
            // weekday(): Monday 0 .. Sunday 6
            return "(weekday(" + expression + ") + 1)";
        }
    };

    private final char quote;

    SqlDialect(char quote) {
        this.quote = quote;
    }

    /** A catalog identifier, checked against the catalog's pattern (so no quote can appear in it) and quoted. */
    public String quote(String identifier) {
        String checked = Identifiers.quote(identifier);
        return quote + checked.substring(1, checked.length() - 1) + quote;
    }

    /** ISO day of week of a timestamp expression: Monday 1 .. Sunday 7. */
    abstract String isoDayOfWeek(String expression);
}
