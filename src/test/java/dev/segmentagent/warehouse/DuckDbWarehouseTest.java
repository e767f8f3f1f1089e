package dev.segmentagent.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The last line of defence under the SQL policy: DuckDB itself refuses writes and file access. */
class DuckDbWarehouseTest {

    @TempDir
    Path dir;

    @Test
    void a_read_only_transaction_refuses_every_write_and_leaves_the_data_unchanged() throws SQLException {
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.openFile(dir.resolve("w.duckdb"))) {
            execute(warehouse, "INSERT INTO warehouse_meta VALUES ('k', 'v')");

            for (String write : new String[]{"DELETE FROM warehouse_meta", "DROP TABLE customers",
                    "INSERT INTO warehouse_meta VALUES ('x', 'y')", "CREATE TABLE evil (a INT)",
                    "UPDATE warehouse_meta SET value = 'z'"}) {
                assertThatThrownBy(() -> warehouse.readOnly(c -> {
                    try (Statement s = c.createStatement()) {
                        return s.execute(write);
                    }
                })).as(write).isInstanceOf(SQLException.class).hasMessageContaining("read-only");
            }
            assertThat(count(warehouse, "SELECT count(*) FROM warehouse_meta")).isEqualTo(1);
        }
    }

    @Test
    void no_connection_can_read_or_write_files_or_reenable_external_access() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.csv"), "a,b\n1,2\n");
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.openFile(dir.resolve("w.duckdb"))) {
            assertThatThrownBy(() -> count(warehouse, "SELECT count(*) FROM read_csv('" + secret + "')"))
                    .hasMessageContaining("disabled");
            assertThatThrownBy(() -> execute(warehouse, "COPY customers TO '" + dir.resolve("out.csv") + "'"))
                    .hasMessageContaining("disabled");
            assertThatThrownBy(() -> execute(warehouse, "SET enable_external_access = true"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(warehouse, "ATTACH '" + dir.resolve("other.duckdb") + "' AS other"))
                    .isInstanceOf(SQLException.class);
            assertThat(Files.exists(dir.resolve("out.csv"))).isFalse();
        }
    }

    private static void execute(DuckDbWarehouse warehouse, String sql) throws SQLException {
        try (Connection c = warehouse.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(DuckDbWarehouse warehouse, String sql) throws SQLException {
        try (Connection c = warehouse.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
