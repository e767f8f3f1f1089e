package dev.segmentagent.warehouse;

import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The behavioural warehouse: one DuckDB database instance per process, shared by all connections.
 *
 * <p>DuckDB allows one configuration per file per process, so read-only access cannot be a second instance.
 * Instead the instance is opened with external access (files, network, extension loading) disabled for
 * every connection, and segment SQL runs through {@link #readOnly} inside a {@code READ ONLY} transaction
 * that DuckDB itself enforces. Writers (generator, feature builder, scoring, ingestion) use
 * {@link #connection()}.
 */
public final class DuckDbWarehouse implements AutoCloseable {

    private final String url;
    private final DuckDBConnection root;

    private DuckDbWarehouse(String url) throws SQLException {
        this.url = url;
        Properties config = new Properties();
        // Segment SQL must never read or write files or reach the network, whatever the SQL says.
        config.setProperty("enable_external_access", "false");
        config.setProperty("autoinstall_known_extensions", "false");
        config.setProperty("autoload_known_extensions", "false");
        this.root = (DuckDBConnection) DriverManager.getConnection(url, config);
        applySchema();
    }

    /** Opens (creating if needed) a warehouse file, e.g. data/warehouse.duckdb. */
    public static DuckDbWarehouse openFile(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new DuckDbWarehouse("jdbc:duckdb:" + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder for " + file, e);
        } catch (SQLException e) {
            if (WarehouseLockedException.isLockConflict(e.getMessage())) {
                throw WarehouseLockedException.of(file, e.getMessage(), e);
            }
            throw new WarehouseException("cannot open DuckDB file " + file + ": " + e.getMessage(), e);
        }
    }

    /** An in-memory warehouse, for tests. */
    public static DuckDbWarehouse inMemory() {
        try {
            return new DuckDbWarehouse("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new WarehouseException("cannot open in-memory DuckDB: " + e.getMessage(), e);
        }
    }

    public String url() {
        return url;
    }

    /** A new read-write connection on the shared instance; the caller closes it. */
    public Connection connection() {
        try {
            return root.duplicate();
        } catch (SQLException e) {
            throw new WarehouseException("cannot open a DuckDB connection: " + e.getMessage(), e);
        }
    }

    /**
     * Runs work on a connection inside a read-only transaction: any write inside fails in DuckDB, and the
     * transaction is always rolled back.
     */
    public <T> T readOnly(SqlWork<T> work) throws SQLException {
        try (Connection connection = root.duplicate(); Statement statement = connection.createStatement()) {
            statement.execute("BEGIN TRANSACTION READ ONLY");
            try {
                return work.apply(connection);
            } finally {
                statement.execute("ROLLBACK");
            }
        }
    }

    private void applySchema() throws SQLException {
        // Comments go first: they may contain ';' (the header does), which would split a statement.
        String ddl = readResource("/warehouse/schema.sql").replaceAll("(?m)--.*$", "");
        try (Statement statement = root.createStatement()) {
            for (String sql : ddl.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql.trim());
                }
            }
        }
        long started = System.nanoTime();
        java.util.List<String> indexed = CustomerIndexes.ensure(root);
        if (!indexed.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(DuckDbWarehouse.class).info(
                    "indexed customer_id of {} (made before indexes existed) in {} ms", indexed,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static String readResource(String name) {
        try (InputStream in = DuckDbWarehouse.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new WarehouseException("cannot close DuckDB: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
