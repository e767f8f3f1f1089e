package dev.segmentagent.ingest;

import java.sql.Types;

/** java.sql.Types of a JDBC source mapped to the importer's column kinds. */
final class JdbcTypes {

    private JdbcTypes() {
    }

    static ColumnKind kind(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnKind.BIGINT;
            case Types.FLOAT, Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> ColumnKind.DOUBLE;
            case Types.BOOLEAN, Types.BIT -> ColumnKind.BOOLEAN;
            case Types.DATE -> ColumnKind.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnKind.TIMESTAMP;
            default -> ColumnKind.VARCHAR;
        };
    }
}
