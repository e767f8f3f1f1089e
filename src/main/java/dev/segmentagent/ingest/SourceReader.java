package dev.segmentagent.ingest;

import dev.segmentagent.warehouse.SqlNames;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads sources into a private in-memory DuckDB. The warehouse instance has external access switched off
 * (segment SQL must never read files), so files are read here, where DuckDB's own readers may open them, and
 * only checked rows travel on to the warehouse.
 */
final class SourceReader implements AutoCloseable {

    private static final Pattern DATE_NAME = Pattern.compile("(^|_)(date|dt|day|time|timestamp|ts|at|on|since|"
            + "birthday|dob)$|^(date|dt)_|_date_");

    private final DuckDBConnection connection;

    SourceReader(String memoryLimit) {
        try {
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = connection.createStatement()) {
                s.execute("SET memory_limit = " + Sql.literal(memoryLimit));
                s.execute("SET preserve_insertion_order = true"); // rowid is then the source position
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the import reader database: " + e.getMessage(), e);
        }
    }

    Connection connection() {
        return connection;
    }

    /** Reads one source as table {@code role}, rejecting bad rows with their positions; nothing is kept on failure. */
    LoadedTable load(String role, ImportSource source) {
        String raw = "raw_" + role;
        String unit = source instanceof ImportSource.File f && f.format() == ImportSource.Format.CSV ? "line" : "record";
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + raw);
            if (source instanceof ImportSource.File file) {
                readFile(s, role, raw, file);
            } else {
                readJdbc(raw, (ImportSource.Jdbc) source);
            }
            List<ImportedColumn> columns = columns(s, raw);
            columns = parseDates(s, role, raw, columns, unit);
            String clean = "clean_" + role;
            StringBuilder select = new StringBuilder("CREATE OR REPLACE TABLE " + clean + " AS SELECT rowid + 1 AS "
                    + LoadedTable.ROW);
            for (ImportedColumn c : columns) {
                select.append(", ").append(cast(c)).append(" AS ").append(SqlNames.quote(c.name()));
            }
            s.execute(select.append(" FROM ").append(raw).append(" ORDER BY rowid").toString());
            s.execute("DROP TABLE " + raw);
            List<ImportedColumn> typed = columns.stream()
                    .map(c -> new ImportedColumn(c.source(), c.name(), c.kind())).toList();
            long rows;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + clean)) {
                rs.next();
                rows = rs.getLong(1);
            }
            if (rows == 0) {
                throw new ImportException("empty-source", role, source.describe() + " has no rows");
            }
            return new LoadedTable(role, source, clean, typed, unit, rows);
        } catch (SQLException e) {
            throw new ImportException("unreadable-source", role, "cannot read " + source.describe() + ": "
                    + firstLines(e.getMessage()));
        }
    }

    private void readFile(Statement s, String role, String raw, ImportSource.File file) throws SQLException {
        String path = Sql.literal(file.path().toString());
        switch (file.format()) {
            case CSV -> {
                String rejects = "rejects_" + role;
                s.execute("DROP TABLE IF EXISTS " + rejects);
                s.execute("CREATE TABLE " + raw + " AS SELECT * FROM read_csv(" + path + ", header = true, "
                        + "store_rejects = true, rejects_table = '" + rejects + "', rejects_scan = 'scan_" + role + "')");
                rejectBadLines(s, role, rejects, file);
            }
            case PARQUET -> s.execute("CREATE TABLE " + raw + " AS SELECT * FROM read_parquet(" + path + ")");
            case JSON -> s.execute("CREATE TABLE " + raw + " AS SELECT * FROM read_json(" + path + ", format = 'auto')");
        }
    }

    /** Every line DuckDB's CSV reader rejected (encoding, ragged, cast) fails the import, listing the lines. */
    private static void rejectBadLines(Statement s, String role, String rejects, ImportSource.File file)
            throws SQLException {
        List<Long> lines = new ArrayList<>();
        String firstType = null;
        String firstMessage = null;
        String firstColumn = null;
        try (ResultSet rs = s.executeQuery("SELECT line, error_type, column_name, error_message FROM " + rejects
                + " ORDER BY line")) {
            while (rs.next()) {
                lines.add(rs.getLong(1));
                if (firstType == null) {
                    firstType = rs.getString(2);
                    firstColumn = rs.getString(3);
                    firstMessage = rs.getString(4);
                }
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        String code = switch (firstType.toUpperCase(Locale.ROOT)) {
            case "INVALID ENCODING", "INVALID UNICODE" -> "invalid-encoding";
            case "TOO MANY COLUMNS", "MISSING COLUMNS" -> "ragged-row";
            case "CAST" -> "unparseable-value";
            default -> "bad-row";
        };
        String what = switch (code) {
            case "invalid-encoding" -> "is not valid UTF-8";
            case "ragged-row" -> "has a different number of columns than the header";
            case "unparseable-value" -> "has a value that does not parse as its column's type"
                    + (firstColumn == null ? "" : " (column " + firstColumn + ")");
            default -> "cannot be read";
        };
        throw new ImportException(code, role, file.path().getFileName() + ": " + lines.size() + " line(s) rejected; line "
                + lines.get(0) + " " + what + ": " + firstMessage + "; lines " + lines, lines, "line");
    }

    /** Copies a JDBC result into the reader with the appender, typed from the result's metadata. */
    private void readJdbc(String raw, ImportSource.Jdbc source) throws SQLException {
        try (Connection remote = DriverManager.getConnection(source.url(), source.user(), source.password());
             Statement query = remote.createStatement()) {
            query.setFetchSize(10_000);
            try (ResultSet rs = query.executeQuery(source.select())) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                List<ColumnKind> kinds = new ArrayList<>();
                List<String> defs = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    ColumnKind kind = JdbcTypes.kind(meta.getColumnType(i));
                    kinds.add(kind);
                    defs.add(SqlNames.quote(meta.getColumnLabel(i)) + " " + kind.name());
                }
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE TABLE " + raw + " (" + String.join(", ", defs) + ")");
                }
                try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, raw)) {
                    while (rs.next()) {
                        appender.beginRow();
                        for (int i = 1; i <= n; i++) {
                            RowValues.append(appender, rs, i, kinds.get(i - 1));
                        }
                        appender.endRow();
                    }
                }
            }
        }
    }

    private static List<ImportedColumn> columns(Statement s, String table) throws SQLException {
        List<String> sources = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                sources.add(rs.getString(1));
                types.add(rs.getString(2));
            }
        }
        List<String> names = ColumnNames.normalizeAll(sources);
        List<ImportedColumn> columns = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            columns.add(new ImportedColumn(sources.get(i), names.get(i), ColumnKind.of(types.get(i))));
        }
        return columns;
    }

    /**
     * Text columns that hold dates (a date-like name and half the values parse, or 80% parse whatever the name)
     * become DATE or TIMESTAMP; a value in them that does not parse fails the import with its rows, rather
     * than silently leaving the whole column as text.
     */
    private static List<ImportedColumn> parseDates(Statement s, String role, String raw, List<ImportedColumn> columns,
                                                   String unit) throws SQLException {
        List<ImportedColumn> result = new ArrayList<>();
        for (ImportedColumn c : columns) {
            if (c.kind() != ColumnKind.VARCHAR) {
                result.add(c);
                continue;
            }
            String col = SqlNames.quote(c.source());
            long values;
            long asTimestamp;
            long asDate;
            try (ResultSet rs = s.executeQuery("SELECT count(" + col + "), count(try_cast(" + col + " AS TIMESTAMP)), "
                    + "count(try_cast(" + col + " AS DATE)) FROM " + raw)) {
                rs.next();
                values = rs.getLong(1);
                asTimestamp = rs.getLong(2);
                asDate = rs.getLong(3);
            }
            double share = values == 0 ? 0 : (double) asTimestamp / values;
            boolean dateLike = DATE_NAME.matcher(c.name()).find() ? share >= 0.5 : share >= 0.8;
            if (!dateLike) {
                result.add(c);
                continue;
            }
            if (asTimestamp < values) {
                List<Long> rows = new ArrayList<>();
                String example = null;
                try (ResultSet rs = s.executeQuery("SELECT rowid + 1, " + col + " FROM " + raw + " WHERE " + col
                        + " IS NOT NULL AND try_cast(" + col + " AS TIMESTAMP) IS NULL ORDER BY rowid LIMIT "
                        + ImportException.MAX_ROWS)) {
                    while (rs.next()) {
                        rows.add(unit.equals("line") ? rs.getLong(1) + 1 : rs.getLong(1));
                        if (example == null) {
                            example = rs.getString(2);
                        }
                    }
                }
                throw new ImportException("unparseable-date", role, "column \"" + c.source() + "\" holds dates but "
                        + (values - asTimestamp) + " value(s) do not parse (e.g. '" + example + "' at " + unit + " "
                        + rows.get(0) + "); " + unit + "s " + rows, rows, unit);
            }
            result.add(new ImportedColumn(c.source(), c.name(), asDate == values ? ColumnKind.DATE : ColumnKind.TIMESTAMP));
        }
        return result;
    }

    private static String cast(ImportedColumn c) {
        String col = SqlNames.quote(c.source());
        return switch (c.kind()) {
            case TIMESTAMP -> "CAST(" + col + " AS TIMESTAMP)";
            default -> "CAST(" + col + " AS " + c.kind().name() + ")";
        };
    }

    private static String firstLines(String message) {
        if (message == null) {
            return "unknown error";
        }
        String[] lines = message.split("\n");
        return lines.length <= 3 ? message.strip() : String.join(" ", lines[0], lines[1], lines[2]).strip();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the in-memory reader holds nothing worth reporting once the import is decided
        }
    }
}
