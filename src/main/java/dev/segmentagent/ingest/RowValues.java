package dev.segmentagent.ingest;

import org.duckdb.DuckDBAppender;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Moves one value of a result set into an appender, by the column's kind. */
final class RowValues {

    private RowValues() {
    }

    static void append(DuckDBAppender appender, ResultSet rs, int i, ColumnKind kind) throws SQLException {
        switch (kind) {
            case BIGINT -> {
                long v = rs.getLong(i);
                if (rs.wasNull()) {
                    appender.appendNull();
                } else {
                    appender.append(v);
                }
            }
            case DOUBLE -> {
                double v = rs.getDouble(i);
                if (rs.wasNull()) {
                    appender.appendNull();
                } else {
                    appender.append(v);
                }
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(i);
                if (rs.wasNull()) {
                    appender.appendNull();
                } else {
                    appender.append(v);
                }
            }
            case DATE -> {
                java.sql.Date v = rs.getDate(i);
                if (v == null) {
                    appender.appendNull();
                } else {
                    appender.append(v.toLocalDate());
                }
            }
            case TIMESTAMP -> {
                Object v = rs.getObject(i);
                if (v == null) {
                    appender.appendNull();
                } else {
                    appender.append(timestamp(v));
                }
            }
            case VARCHAR -> {
                String v = rs.getString(i);
                if (v == null) {
                    appender.appendNull();
                } else {
                    appender.append(v);
                }
            }
        }
    }

    private static LocalDateTime timestamp(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        return LocalDateTime.parse(v.toString().replace(' ', 'T'));
    }
}
