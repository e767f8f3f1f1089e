package dev.segmentagent.ingest;

import dev.segmentagent.warehouse.CustomerIndexes;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.ProgressReporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImporterTest {

    @TempDir
    Path dir;

    DuckDbWarehouse warehouse;
    final Importer importer = new Importer("1GB");

    @BeforeEach
    void open() {
        warehouse = DuckDbWarehouse.inMemory();
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private ImportReport load(ImportSource customers, String idColumn) {
        return importer.run(warehouse, new ImportRequest(customers, null, null, idColumn, null, null, false),
                ProgressReporter.silent()).report();
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = warehouse.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    cells.add(rs.getString(i));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }

    /** A file DuckDB itself writes (Parquet, JSON), from a CSV text. */
    private Path convert(Path csv, String target, String format) throws SQLException {
        Path out = dir.resolve(target);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '" + out + "' (FORMAT " + format + ")");
        }
        return out;
    }

    static final String GOOD = """
            Cust ID,signupDate,plan_tier,LTV($)
            7,2024-01-05,pro,120.5
            8,2024-02-11,free,0
            9,2024-03-20,pro,88.25
            """;

    @Test
    void csv_with_a_named_messy_key_becomes_customers_keyed_by_customer_id() throws Exception {
        ImportReport report = load(ImportSource.File.of(write("c.csv", GOOD)), "Cust ID");

        assertThat(report.rows()).containsEntry("customers", 3L);
        assertThat(report.keys()).containsEntry("customers", "Cust ID");
        assertThat(query("SELECT customer_id, signup_date, plan_tier, ltv FROM customers ORDER BY 1"))
                .containsExactly("7|2024-01-05|pro|120.5", "8|2024-02-11|free|0.0", "9|2024-03-20|pro|88.25");
        assertThat(query("SELECT data_type FROM information_schema.columns WHERE table_name = 'customers' "
                + "AND column_name = 'signup_date'")).containsExactly("DATE");
        // windows on a customers-only import are measured from just after its latest date
        assertThat(report.asOf()).hasToString("2024-03-20T00:00:01Z");
    }

    @Test
    void the_key_is_inferred_from_its_name_when_not_given() throws Exception {
        ImportReport report = load(ImportSource.File.of(write("c.csv", "name,id,score\na,1,3\nb,2,4\n")), null);
        assertThat(report.keys()).containsEntry("customers", "id");
        assertThat(query("SELECT customer_id, name FROM customers ORDER BY 1")).containsExactly("1|a", "2|b");
    }

    @Test
    void parquet_files_import_with_their_types() throws Exception {
        Path parquet = convert(write("c.csv", GOOD), "c.parquet", "PARQUET");
        load(ImportSource.File.of(parquet), "Cust ID");
        assertThat(query("SELECT customer_id, plan_tier, ltv FROM customers ORDER BY 1"))
                .containsExactly("7|pro|120.5", "8|free|0.0", "9|pro|88.25");
    }

    @Test
    void json_lines_and_json_arrays_both_import() throws Exception {
        Path ndjson = write("c.ndjson", """
                {"customer_id": 1, "plan": "pro", "joined": "2024-01-01"}
                {"customer_id": 2, "plan": "free", "joined": "2024-02-01"}
                """);
        load(ImportSource.File.of(ndjson), null);
        assertThat(query("SELECT customer_id, plan, joined FROM customers ORDER BY 1"))
                .containsExactly("1|pro|2024-01-01", "2|free|2024-02-01");

        Path array = write("c.json", "[{\"customer_id\": 5, \"plan\": \"pro\"}, {\"customer_id\": 6, \"plan\": null}]");
        load(ImportSource.File.of(array), null);
        assertThat(query("SELECT customer_id, plan FROM customers ORDER BY 1")).containsExactly("5|pro", "6|null");
    }

    @Test
    void a_jdbc_query_imports_like_a_file() throws Exception {
        String url = "jdbc:h2:mem:import" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection h2 = DriverManager.getConnection(url, "sa", ""); Statement s = h2.createStatement()) {
            s.execute("CREATE TABLE crm_customers (client_id BIGINT, tier VARCHAR(10), since DATE, balance DECIMAL(10,2))");
            s.execute("INSERT INTO crm_customers VALUES (10, 'gold', DATE '2023-05-01', 12.50), (11, 'silver', NULL, 3.00)");
            load(new ImportSource.Jdbc(url, "sa", "", "crm_customers"), null);
        }
        assertThat(query("SELECT customer_id, tier, since, balance FROM customers ORDER BY 1"))
                .containsExactly("10|gold|2023-05-01|12.5", "11|silver|null|3.0");
    }

    @Test
    void orders_and_events_import_with_their_customer_column_and_set_as_of_after_the_latest_row() throws Exception {
        Path customers = write("c.csv", GOOD);
        Path orders = write("o.csv", "order_id,Cust ID,ordered_at,amount\n1,7,2024-04-01 10:00:00,10.5\n2,7,2024-04-03 09:00:00,5\n3,9,2024-04-02 08:00:00,20\n");
        Path events = write("e.ndjson", "{\"cust_id\": 8, \"type\": \"login\", \"ts\": \"2024-04-05 12:00:00\"}\n");
        ImportReport report = importer.run(warehouse, new ImportRequest(ImportSource.File.of(customers),
                ImportSource.File.of(orders), ImportSource.File.of(events), "Cust ID", null, null, false),
                ProgressReporter.silent()).report();

        assertThat(report.rows()).containsEntry("orders", 3L).containsEntry("events", 1L);
        assertThat(report.keys()).containsEntry("orders", "Cust ID").containsEntry("events", "cust_id");
        assertThat(query("SELECT customer_id, count(*), sum(amount) FROM orders GROUP BY 1 ORDER BY 1"))
                .containsExactly("7|2|15.5", "9|1|20.0");
        assertThat(report.asOf()).hasToString("2024-04-05T12:00:01Z");
        // the swap indexed every imported table by customer: the event path reads a few customers' rows by key
        try (Connection c = warehouse.connection()) {
            for (String table : List.of("customers", "orders", "events")) {
                assertThat(CustomerIndexes.present(c, table)).as(table).isTrue();
            }
        }
    }

    @Test
    void a_reimport_replaces_the_data() throws Exception {
        load(ImportSource.File.of(write("c.csv", GOOD)), "Cust ID");
        load(ImportSource.File.of(write("c2.csv", "Cust ID,plan_tier\n100,pro\n")), "Cust ID");
        assertThat(query("SELECT customer_id, plan_tier FROM customers")).containsExactly("100|pro");
        assertThat(query("SELECT customer_id FROM customers WHERE customer_id IN (7, 100)")).containsExactly("100");
        try (Connection c = warehouse.connection()) {
            assertThat(CustomerIndexes.present(c, "customers")).isTrue();
        }
        assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'import_stage_%'"))
                .containsExactly("0");
    }

    // --- bad files: a clear error with positions, and the previous data untouched ---

    private void assertRejectedAndPreviousIntact(Path bad, String idColumn, String code, Long... positions)
            throws Exception {
        load(ImportSource.File.of(write("previous.csv", GOOD)), "Cust ID");
        assertThatThrownBy(() -> load(ImportSource.File.of(bad), idColumn))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.rows()).containsExactly(positions);
                    assertThat(e.getMessage()).contains(String.valueOf(positions[0]));
                });
        assertThat(query("SELECT customer_id, plan_tier FROM customers ORDER BY 1"))
                .containsExactly("7|pro", "8|free", "9|pro");
    }

    @Test
    void invalid_utf8_is_rejected_with_its_line() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "Cust ID,plan_tier\n1,pro\n2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertRejectedAndPreviousIntact(file, "Cust ID", "invalid-encoding", 3L);
    }

    @Test
    void ragged_rows_are_rejected_with_their_lines() throws Exception {
        Path file = write("ragged.csv", "Cust ID,plan_tier,score\n1,pro,1\n2,free\n3,pro,3\n4,pro,4,extra\n");
        assertRejectedAndPreviousIntact(file, "Cust ID", "ragged-row", 3L, 5L);
    }

    @Test
    void duplicate_keys_are_rejected_with_every_line_involved() throws Exception {
        Path file = write("dups.csv", "Cust ID,plan_tier\n1,pro\n2,free\n1,pro\n3,free\n");
        assertRejectedAndPreviousIntact(file, "Cust ID", "duplicate-key", 2L, 4L);
    }

    @Test
    void null_keys_are_rejected_with_their_lines() throws Exception {
        Path file = write("nulls.csv", "Cust ID,plan_tier\n1,pro\n,free\n3,free\n");
        assertRejectedAndPreviousIntact(file, "Cust ID", "null-key", 3L);
    }

    @Test
    void a_date_column_with_a_value_that_does_not_parse_is_rejected_with_its_line() throws Exception {
        Path file = write("dates.csv", "Cust ID,signupDate,plan_tier\n1,2024-01-01,pro\n2,2024-02-30,free\n3,2024-03-01,pro\n4,soon,free\n");
        assertRejectedAndPreviousIntact(file, "Cust ID", "unparseable-date", 3L, 5L);
    }

    @Test
    void bad_records_of_a_json_file_are_reported_by_record_number() throws Exception {
        Path file = write("dups.ndjson", "{\"id\": 1}\n{\"id\": 2}\n{\"id\": 2}\n");
        load(ImportSource.File.of(write("previous.csv", GOOD)), "Cust ID");
        assertThatThrownBy(() -> load(ImportSource.File.of(file), "id"))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.code()).isEqualTo("duplicate-key");
                    assertThat(e.unit()).isEqualTo("record");
                    assertThat(e.rows()).containsExactly(2L, 3L);
                });
        assertThat(query("SELECT count(*) FROM customers")).containsExactly("3");
    }
}
