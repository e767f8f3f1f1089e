package dev.segmentagent.catalog;

import dev.segmentagent.warehouse.CustomerIndexes;
import dev.segmentagent.warehouse.DemoDataGenerator;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.GeneratorOptions;
import dev.segmentagent.warehouse.ProgressReporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: after random new rows in random behavioural tables for random customers, recomputing only those
 * customers and only the columns that read the touched tables leaves customer_features equal to a full build.
 * Each round first checks the table is stale (the new rows matter), so an update that did nothing fails.
 */
class IncrementalFeatureRebuildTest {

    private static final List<String> TABLES = List.of("web_events", "orders", "order_items", "email_messages",
            "sms_messages", "support_tickets");

    static DuckDbWarehouse warehouse;
    static Catalog catalog;
    static Instant asOf;
    static List<Long> customers;

    @BeforeAll
    static void given_generated_data_and_built_features() throws SQLException {
        catalog = new CatalogLoader().load(CatalogFixtures.CATALOG_DIR);
        warehouse = DuckDbWarehouse.inMemory();
        GeneratorOptions options = GeneratorOptions.defaults(11).withCustomers(600);
        new DemoDataGenerator().generate(warehouse, options, ProgressReporter.silent());
        asOf = options.asOf();
        new FeatureBuilder().build(warehouse, catalog, asOf);
        customers = new ArrayList<>(rows("SELECT * FROM customer_features").keySet());
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void recomputing_the_touched_columns_of_the_touched_customers_equals_a_full_build() throws SQLException {
        Random random = new Random(20261201L);
        FeatureBuilder builder = new FeatureBuilder();
        for (int round = 0; round < 8; round++) {
            Set<String> tables = new HashSet<>();
            int tableCount = 1 + random.nextInt(round % 4 == 3 ? TABLES.size() : 2);
            while (tables.size() < tableCount) {
                tables.add(TABLES.get(random.nextInt(TABLES.size())));
            }
            Set<Long> touched = new HashSet<>();
            int customerCount = 1 + random.nextInt(12);
            while (touched.size() < customerCount) {
                touched.add(customers.get(random.nextInt(customers.size())));
            }
            for (String table : tables) {
                for (long customer : touched) {
                    copyRows(table, customer, 1 + random.nextInt(3), random);
                }
            }
            builder.buildSnapshot(warehouse, catalog, asOf, "features_full");
            Map<Long, Map<String, Object>> full = rows("SELECT * FROM features_full");
            assertThat(differences(rows("SELECT * FROM customer_features"), full))
                    .as("round %d: new rows in %s change some feature before the update", round, tables).isNotEmpty();

            rebuildAsEventsDo(touched, tables, connection -> { });

            assertThat(differences(rows("SELECT * FROM customer_features"), full))
                    .as("round %d: %d customers after new rows in %s", round, touched.size(), tables).isEmpty();
        }
    }

    @Test
    void a_customer_without_a_row_gets_a_whole_one_and_the_connection_keeps_the_new_rows_for_the_segment_scan()
            throws SQLException {
        // given new web events for three customers, one of whom has no feature row yet
        Random random = new Random(7L);
        Set<Long> touched = new java.util.TreeSet<>(customers.subList(10, 13));
        long newcomer = customers.get(11);
        for (long customer : touched) {
            copyRows("web_events", customer, 2, random);
        }
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM customer_features WHERE customer_id = " + newcomer);
        }
        new FeatureBuilder().buildSnapshot(warehouse, catalog, asOf, "features_full");
        Map<Long, Map<String, Object>> full = rows("SELECT * FROM features_full");

        // when only those customers are recomputed after web_events
        Map<Long, Map<String, Object>> leftOnConnection = new TreeMap<>();
        rebuildAsEventsDo(touched, Set.of("web_events"), connection -> leftOnConnection.putAll(rows(connection,
                "SELECT * FROM customer_features")));

        // then the table equals a full build, and the connection's copy holds exactly their new rows
        assertThat(differences(rows("SELECT * FROM customer_features"), full)).isEmpty();
        Map<Long, Map<String, Object>> theirs = new TreeMap<>(full);
        theirs.keySet().retainAll(touched);
        assertThat(differences(leftOnConnection, theirs)).isEmpty();
    }

    @Test
    void a_scope_too_large_for_a_literal_id_list_is_recomputed_the_same_way() throws SQLException {
        // given new orders for more customers than a literal id list takes (they are then semi-joined)
        Random random = new Random(3L);
        Set<Long> touched = new java.util.TreeSet<>(customers.subList(0, CustomerIndexes.LIST_LIMIT + 40));
        for (long customer : touched) {
            copyRows("orders", customer, 1, random);
        }
        new FeatureBuilder().buildSnapshot(warehouse, catalog, asOf, "features_full");
        Map<Long, Map<String, Object>> full = rows("SELECT * FROM features_full");
        assertThat(differences(rows("SELECT * FROM customer_features"), full)).isNotEmpty();

        rebuildAsEventsDo(touched, Set.of("orders"), connection -> { });

        assertThat(differences(rows("SELECT * FROM customer_features"), full)).isEmpty();
    }

    private interface ConnectionCheck {
        void accept(Connection connection) throws SQLException;
    }

    /** As the event path runs it: over TEMP copies of the customers' rows, which shadow the tables. */
    private static void rebuildAsEventsDo(Set<Long> touched, Set<String> tables, ConnectionCheck after)
            throws SQLException {
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
            String ids = touched.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
            statement.execute("CREATE TEMP TABLE " + FeatureBuilder.SCOPE_TABLE
                    + " AS SELECT unnest([" + ids + "]) AS customer_id");
            for (String table : FeatureBuilder.tablesRead(catalog, tables)) {
                statement.execute("CREATE TEMP TABLE " + table + " AS SELECT * FROM memory.main." + table
                        + " WHERE customer_id IN (" + ids + ")");
            }
            new FeatureBuilder().rebuildScoped(connection, catalog, asOf, tables);
            after.accept(connection);
        }
    }

    @Test
    void the_tables_read_after_web_events_are_the_spine_web_events_and_the_sources_of_ratio_operands() {
        Set<String> read = FeatureBuilder.tablesRead(catalog, Set.of("web_events", "add_to_cart"));

        assertThat(read).contains("customers", "web_events").doesNotContain("email_messages", "support_tickets");
        assertThat(FeatureBuilder.tablesRead(catalog, Set.of("customers"))).containsAll(TABLES);
    }

    @Test
    void only_the_fields_reading_a_table_or_built_from_such_fields_are_recomputed() {
        List<String> web = FeatureSql.fieldsReading(catalog, Set.of("web_events"));

        assertThat(web).contains("cart_adds_30d", "days_since_last_visit")
                .doesNotContain("orders_30d", "revenue_365d", "country");
        // a ratio with one operand from web_events is recomputed with it
        catalog.fields().stream()
                .filter(f -> f.derivation() instanceof Derivation.Ratio r
                        && (web.contains(r.numerator()) || web.contains(r.denominator())))
                .forEach(f -> assertThat(web).contains(f.name()));
        assertThat(FeatureSql.fieldsReading(catalog, Set.of("no_such_table"))).isEmpty();
    }

    /** Copies of random rows of the table, given to the customer and moved to a random time around as-of. */
    private static void copyRows(String table, long customer, int count, Random random) throws SQLException {
        TableSpec spec = catalog.table(table).orElseThrow();
        String time = spec.timeColumn();
        // mostly inside the 30-day windows, some older, some after as-of (which must stay out)
        long seconds = random.nextInt(10) == 0 ? random.nextInt(86_400) : -random.nextInt(120 * 86_400);
        String sql = "INSERT INTO " + table + " SELECT * REPLACE (CAST(? AS BIGINT) AS customer_id, "
                + "CAST(? AS TIMESTAMP) + to_seconds(CAST(? AS BIGINT)) AS " + time + ") FROM " + table
                + " USING SAMPLE " + count + " ROWS";
        try (Connection connection = warehouse.connection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, customer);
            insert.setString(2, asOf.toString().replace("T", " ").replace("Z", ""));
            insert.setLong(3, seconds);
            insert.executeUpdate();
        }
    }

    private static Map<Long, Map<String, Object>> rows(String sql) throws SQLException {
        try (Connection connection = warehouse.connection()) {
            return rows(connection, sql);
        }
    }

    private static Map<Long, Map<String, Object>> rows(Connection connection, String sql) throws SQLException {
        Map<Long, Map<String, Object>> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                rows.put(rs.getLong("customer_id"), row);
            }
        }
        return rows;
    }

    /**
     * customer.field: incremental vs full, for every value that differs. Doubles may differ in the last bits
     * only (averages summed in another order); everything else must be equal.
     */
    private static List<String> differences(Map<Long, Map<String, Object>> actual, Map<Long, Map<String, Object>> full) {
        List<String> out = new ArrayList<>();
        assertThat(actual.keySet()).isEqualTo(full.keySet());
        for (Map.Entry<Long, Map<String, Object>> row : full.entrySet()) {
            Map<String, Object> mine = actual.get(row.getKey());
            for (Map.Entry<String, Object> cell : row.getValue().entrySet()) {
                Object a = mine.get(cell.getKey());
                Object b = cell.getValue();
                boolean same = a instanceof Double x && b instanceof Double y
                        ? Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y))
                        : java.util.Objects.equals(a, b);
                if (!same) {
                    out.add(row.getKey() + "." + cell.getKey() + ": " + a + " vs " + b);
                }
            }
        }
        return out;
    }
}
