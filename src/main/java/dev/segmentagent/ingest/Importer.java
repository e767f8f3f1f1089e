package dev.segmentagent.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.warehouse.CustomerIndexes;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.ProgressReporter;
import dev.segmentagent.warehouse.Rollback;
import dev.segmentagent.warehouse.SqlNames;
import dev.segmentagent.warehouse.WarehouseMetaKeys;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads, checks and loads one import, all or nothing: sources are read and checked in a private reader
 * database, copied into staging tables of the warehouse, then swapped in with the import's facts in one
 * transaction. Any failure before the commit leaves the previous data as it was.
 */
public final class Importer {

    /** warehouse_meta key: the sources of the current data, as JSON, so eval can query the raw files. */
    public static final String SOURCES_KEY = "import_sources";
    public static final String IMPORTED_AT_KEY = "imported_at";
    private static final String STAGE = "import_stage_";
    /** The ImportException code of an import refused for lack of disk space. */
    public static final String DISK_FULL = "disk-full";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Importer.class);

    private final String memoryLimit;

    public Importer(String memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    /** The checked, loaded import and the profiles its catalog draft is written from. */
    public record Result(ImportReport report, List<TableProfile> profiles) {}

    public Result run(DuckDbWarehouse warehouse, ImportRequest request, ProgressReporter progress) {
        return run(warehouse, request, progress, profiles -> { });
    }

    /**
     * @param beforeSwap runs on the profiles after every check and before the swap: a failure there (e.g. a
     *                   draft catalog that does not validate) still leaves the previous data untouched
     */
    Result run(DuckDbWarehouse warehouse, ImportRequest request, ProgressReporter progress,
               java.util.function.Consumer<List<TableProfile>> beforeSwap) {
        long started = System.nanoTime();
        try (SourceReader reader = new SourceReader(memoryLimit); Statement s = reader.connection().createStatement()) {
            Map<String, ImportSource> sources = new LinkedHashMap<>();
            sources.put("customers", request.customers());
            if (request.orders() != null) {
                sources.put("orders", request.orders());
            }
            if (request.events() != null) {
                sources.put("events", request.events());
            }
            List<LoadedTable> tables = new ArrayList<>();
            Map<String, String> keys = new LinkedHashMap<>();
            LoadedTable customers = reader.load("customers", request.customers());
            ImportedColumn key = KeyCheck.customersKey(s, customers, request.idColumn());
            keys.put("customers", key.source());
            tables.add(keyed(s, customers, key));
            List<String> warnings = new ArrayList<>();
            for (Map.Entry<String, ImportSource> e : sources.entrySet()) {
                if (e.getKey().equals("customers")) {
                    continue;
                }
                LoadedTable table = reader.load(e.getKey(), e.getValue());
                ImportedColumn ref = KeyCheck.customerReference(s, table, request.customerColumn(), key);
                keys.put(e.getKey(), ref.source());
                LoadedTable keyedTable = keyed(s, table, ref);
                tables.add(keyedTable);
                long orphans = orphans(s, keyedTable);
                if (orphans > 0) {
                    warnings.add(orphans + " " + e.getKey() + " rows name customers not in the customers source; "
                            + "they are loaded but belong to no customer");
                }
            }
            List<TableProfile> profiles = new ArrayList<>();
            for (LoadedTable t : tables) {
                profiles.add(Profiler.profile(s, t));
            }
            Instant asOf = asOf(s, tables, profiles);
            beforeSwap.accept(profiles);
            long checked = System.nanoTime();
            Map<String, Long> rows = new LinkedHashMap<>();
            try (Connection target = warehouse.connection()) {
                try {
                    for (LoadedTable t : tables) {
                        rows.put(t.role(), copy(reader.connection(), t, (DuckDBConnection) target, progress));
                    }
                    long copied = System.nanoTime();
                    swap(target, tables, asOf, sources);
                    LOG.info("import phases: read+check+profile {} ms, copy to staging {} ms, swap {} ms",
                            (checked - started) / 1_000_000, (copied - checked) / 1_000_000,
                            (System.nanoTime() - copied) / 1_000_000);
                } finally {
                    dropStages(target, tables);
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Result(new ImportReport(rows, keys, asOf, null, false, warnings, millis, 0, null), profiles);
        } catch (SQLException e) {
            if (dev.segmentagent.warehouse.DiskFull.in(e)) {
                throw new ImportException(DISK_FULL, null, "the disk holding the warehouse is full: the import was "
                        + "not applied and the previous data is unchanged; free space in the data folder and run it again");
            }
            throw new ImportException("import-failed", null, "the import failed and nothing was changed: " + e.getMessage());
        }
    }

    /**
     * The key column becomes customer_id (a whole number) in the reader's table, so everything downstream names
     * the customer the same way; a different column already called customer_id steps aside.
     */
    private static LoadedTable keyed(Statement s, LoadedTable table, ImportedColumn key) throws SQLException {
        List<ImportedColumn> columns = new ArrayList<>();
        for (ImportedColumn c : table.columns()) {
            if (c.equals(key)) {
                continue;
            }
            if (c.name().equals("customer_id")) {
                s.execute("ALTER TABLE " + table.table() + " RENAME COLUMN customer_id TO source_customer_id");
                columns.add(new ImportedColumn(c.source(), "source_customer_id", c.kind()));
            } else {
                columns.add(c);
            }
        }
        if (!key.name().equals("customer_id")) {
            s.execute("ALTER TABLE " + table.table() + " RENAME COLUMN " + SqlNames.quote(key.name()) + " TO customer_id");
        }
        columns.add(0, new ImportedColumn(key.source(), "customer_id", ColumnKind.BIGINT));
        return table.withColumns(columns);
    }

    private static long orphans(Statement s, LoadedTable t) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t.table() + " x WHERE NOT EXISTS (SELECT 1 FROM "
                + "clean_customers c WHERE c.customer_id = x.customer_id)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Just after the latest order or event; without those, after the latest date among the customers. */
    private static Instant asOf(Statement s, List<LoadedTable> tables, List<TableProfile> profiles) throws SQLException {
        Timestamp latest = null;
        for (int i = 0; i < tables.size(); i++) {
            TableProfile p = profiles.get(i);
            List<String> columns = p.timeColumn() != null ? List.of(p.timeColumn())
                    : tables.size() == 1 ? p.columns().stream().filter(c -> c.column().kind().temporal())
                    .map(c -> c.column().name()).toList() : List.of();
            for (String column : columns) {
                try (ResultSet rs = s.executeQuery("SELECT CAST(max(" + SqlNames.quote(column) + ") AS TIMESTAMP) FROM "
                        + tables.get(i).table())) {
                    rs.next();
                    Timestamp t = rs.getTimestamp(1);
                    if (t != null && (latest == null || t.after(latest))) {
                        latest = t;
                    }
                }
            }
        }
        if (latest == null) {
            return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        return latest.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC).plusSeconds(1);
    }

    private static long copy(Connection reader, LoadedTable t, DuckDBConnection target, ProgressReporter progress)
            throws SQLException {
        String stage = STAGE + t.role();
        List<String> defs = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (ImportedColumn c : t.columns()) {
            defs.add(SqlNames.quote(c.name()) + " " + c.kind().name());
            select.add("CAST(" + SqlNames.quote(c.name()) + " AS " + c.kind().name() + ")");
        }
        try (Statement s = target.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE " + stage + " (" + String.join(", ", defs) + ")");
        }
        long n = 0;
        try (ProgressReporter.Task task = progress.start("import " + t.role(), t.rows());
             Statement read = reader.createStatement();
             ResultSet rs = read.executeQuery("SELECT " + String.join(", ", select) + " FROM " + t.table()
                     + " ORDER BY " + LoadedTable.ROW);
             DuckDBAppender appender = target.createAppender(DuckDBConnection.DEFAULT_SCHEMA, stage)) {
            int columns = t.columns().size();
            while (rs.next()) {
                appender.beginRow();
                for (int i = 1; i <= columns; i++) {
                    RowValues.append(appender, rs, i, t.columns().get(i - 1).kind());
                }
                appender.endRow();
                if (++n % 50_000 == 0) {
                    task.advance(50_000);
                }
            }
            task.advance(n % 50_000);
        }
        return n;
    }

    /** One transaction: replace the tables and record what the data now is. */
    private static void swap(Connection target, List<LoadedTable> tables, Instant asOf,
                             Map<String, ImportSource> sources) throws SQLException {
        target.setAutoCommit(false);
        try (Statement s = target.createStatement()) {
            for (LoadedTable t : tables) {
                s.execute("DROP TABLE IF EXISTS " + SqlNames.quote(t.role()));
                s.execute("ALTER TABLE " + STAGE + t.role() + " RENAME TO " + SqlNames.quote(t.role()));
                // after the rename (DuckDB cannot rename an indexed table), in the swap's transaction: readers see
                // the old table or the new one with its index
                CustomerIndexes.create(s, t.role());
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put(WarehouseMetaKeys.AS_OF, asOf.toString());
            meta.put(WarehouseMetaKeys.SOURCE, "import");
            meta.put(IMPORTED_AT_KEY, Instant.now().toString());
            meta.put(SOURCES_KEY, sourcesJson(sources));
            try (PreparedStatement delete = target.prepareStatement("DELETE FROM warehouse_meta WHERE key = ?");
                 PreparedStatement insert = target.prepareStatement("INSERT INTO warehouse_meta (key, value) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : meta.entrySet()) {
                    delete.setString(1, e.getKey());
                    delete.executeUpdate();
                    insert.setString(1, e.getKey());
                    insert.setString(2, e.getValue());
                    insert.executeUpdate();
                }
                delete.setString(1, WarehouseMetaKeys.SEED);
                delete.executeUpdate();
            }
            target.commit();
        } catch (SQLException | RuntimeException e) {
            Rollback.keepingCause(target, e);
            throw e;
        } finally {
            target.setAutoCommit(true);
        }
    }

    private static void dropStages(Connection target, List<LoadedTable> tables) {
        try (Statement s = target.createStatement()) {
            for (LoadedTable t : tables) {
                s.execute("DROP TABLE IF EXISTS " + STAGE + t.role());
            }
        } catch (SQLException e) {
            // a leftover staging table is replaced by the next import; the outcome is already decided
        }
    }

    /**
     * Drops staging tables a killed import left in the warehouse (its swap never ran, so they are not data);
     * returns their names.
     */
    static List<String> dropLeftoverStages(Connection target) throws SQLException {
        List<String> stages = new ArrayList<>();
        try (Statement s = target.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '"
                     + STAGE + "%'")) {
            while (rs.next()) {
                stages.add(rs.getString(1));
            }
        }
        try (Statement s = target.createStatement()) {
            for (String stage : stages) {
                s.execute("DROP TABLE IF EXISTS " + SqlNames.quote(stage));
            }
        }
        return stages;
    }

    /** File sources as {role: {format, path}}; JDBC sources as their description (no password). */
    static String sourcesJson(Map<String, ImportSource> sources) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        sources.forEach((role, source) -> {
            if (source instanceof ImportSource.File f) {
                out.put(role, Map.of("format", f.format().name().toLowerCase(java.util.Locale.ROOT),
                        "path", f.path().toString()));
            } else {
                out.put(role, Map.of("format", "jdbc", "source", source.describe()));
            }
        });
        try {
            return new ObjectMapper().writeValueAsString(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
