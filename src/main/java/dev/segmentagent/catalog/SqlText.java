package dev.segmentagent.catalog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The only places catalog text enters SQL. Identifiers must match the catalog schema's identifier pattern
 * (checked again here, so a catalog that bypassed the loader still cannot inject); constants are quoted
 * string literals with quotes doubled.
 *
 * <p>Constants are literals rather than bind parameters on purpose: a DuckDB string literal takes the type
 * of the column it is compared with ({@code discount_amount > '0'} compares numbers), while a VARCHAR
 * parameter would need the column type known in advance to cast it.
 */
final class SqlText {

    private static final Pattern IDENTIFIER = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private SqlText() {
    }

    static String id(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a catalog identifier: " + name);
        }
        return '"' + name + '"';
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A UTC TIMESTAMP literal (warehouse timestamps are UTC without zone). */
    static String timestamp(Instant instant) {
        return "TIMESTAMP '" + LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(TIMESTAMP) + "'";
    }

    static String date(Instant instant) {
        return "DATE '" + LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toLocalDate() + "'";
    }
}
