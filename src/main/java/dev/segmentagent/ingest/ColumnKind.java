package dev.segmentagent.ingest;

import java.util.Locale;

/** The few column types an imported table is reduced to; everything else arrives as text. */
enum ColumnKind {
    BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP, VARCHAR;

    /** The kind a DuckDB type name maps to. */
    static ColumnKind of(String duckType) {
        String t = duckType.toUpperCase(Locale.ROOT);
        if (t.matches("(U?TINYINT|U?SMALLINT|U?INTEGER|BIGINT|INT\\d*)")) {
            return BIGINT;
        }
        if (t.matches("(FLOAT|REAL|DOUBLE|DECIMAL.*|NUMERIC.*|UBIGINT|HUGEINT|UHUGEINT)")) {
            return DOUBLE;
        }
        if (t.equals("BOOLEAN")) {
            return BOOLEAN;
        }
        if (t.equals("DATE")) {
            return DATE;
        }
        if (t.startsWith("TIMESTAMP")) {
            return TIMESTAMP;
        }
        return VARCHAR;
    }

    boolean numeric() {
        return this == BIGINT || this == DOUBLE;
    }

    boolean temporal() {
        return this == DATE || this == TIMESTAMP;
    }
}
