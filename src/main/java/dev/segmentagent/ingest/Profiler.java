package dev.segmentagent.ingest;

import dev.segmentagent.warehouse.SqlNames;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Profiles the checked tables in the reader database and picks the time, amount and type columns. */
final class Profiler {

    private static final Pattern AMOUNT = Pattern.compile("amount|total|revenue|price|value|spend|sales|net|gross|paid|sum");
    private static final Pattern TIME_NAME = Pattern.compile("(_at|_on|date|time|ts)$|^(date|time|ts)");
    private static final Pattern TYPE_NAME = Pattern.compile("(^|_)(type|event|name|action|kind|activity)$");

    private Profiler() {
    }

    static TableProfile profile(Statement s, LoadedTable table) throws SQLException {
        List<ColumnProfile> columns = new ArrayList<>();
        for (ImportedColumn c : table.columns()) {
            columns.add(column(s, table, c));
        }
        String time = null;
        String amount = null;
        String type = null;
        if (!table.role().equals("customers")) {
            time = pick(columns, p -> p.column().kind().temporal(), TIME_NAME);
            amount = pick(columns, p -> p.column().kind().numeric() && !p.column().name().equals("customer_id")
                    && !p.column().name().endsWith("_id") && AMOUNT.matcher(p.column().name()).find(), null);
            type = pick(columns, p -> p.column().kind() == ColumnKind.VARCHAR && !p.values().isEmpty(), TYPE_NAME);
            if (time == null) {
                throw new ImportException("no-time-column", table.role(), table.source().describe()
                        + " has no date or timestamp column; " + table.role() + " need one to be counted in windows");
            }
        }
        String source = table.source() instanceof ImportSource.File f ? f.path().getFileName().toString()
                : table.source().describe();
        return new TableProfile(table.role(), source, table.rows(), columns, time, amount, type);
    }

    private static String pick(List<ColumnProfile> columns, java.util.function.Predicate<ColumnProfile> fits,
                               Pattern preferred) {
        List<ColumnProfile> fitting = columns.stream().filter(fits).toList();
        if (preferred != null) {
            for (ColumnProfile p : fitting) {
                if (preferred.matcher(p.column().name()).find()) {
                    return p.column().name();
                }
            }
        }
        return fitting.isEmpty() ? null : fitting.get(0).column().name();
    }

    private static ColumnProfile column(Statement s, LoadedTable table, ImportedColumn c) throws SQLException {
        String col = SqlNames.quote(c.name());
        boolean ordered = c.kind() != ColumnKind.VARCHAR && c.kind() != ColumnKind.BOOLEAN;
        long rows;
        long nulls;
        long distinct;
        String min = null;
        String max = null;
        try (ResultSet rs = s.executeQuery("SELECT count(*), count(*) - count(" + col + "), count(DISTINCT " + col + ")"
                + (ordered ? ", CAST(min(" + col + ") AS VARCHAR), CAST(max(" + col + ") AS VARCHAR)" : "")
                + " FROM " + table.table())) {
            rs.next();
            rows = rs.getLong(1);
            nulls = rs.getLong(2);
            distinct = rs.getLong(3);
            if (ordered) {
                min = rs.getString(4);
                max = rs.getString(5);
            }
        }
        List<String> values = new ArrayList<>();
        if (c.kind() == ColumnKind.VARCHAR && distinct > 0 && distinct <= ColumnProfile.ENUM_LIMIT
                && distinct * 5 <= rows - nulls) {
            try (ResultSet rs = s.executeQuery("SELECT " + col + " FROM " + table.table() + " WHERE " + col
                    + " IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1")) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return new ColumnProfile(c, rows, nulls, distinct, min, max, values);
    }
}
