package dev.segmentagent.catalog;

import dev.segmentagent.warehouse.DemoDataGenerator;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.GeneratorOptions;
import dev.segmentagent.warehouse.ProgressReporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real catalog over data from the demo generator: every name resolves in the warehouse, every enum's
 * observed values are declared, and planted behaviour shows up in the features meant to find it.
 */
class CatalogOnDemoDataTest {

    static final int CUSTOMERS = Integer.getInteger("catalog.demo.customers", 2000);
    static DuckDbWarehouse warehouse;
    static Catalog catalog;
    static GeneratorOptions options;
    static FeatureBuildReport build;
    static Map<String, FieldProfile> profiles;
    static long profileMillis;

    @BeforeAll
    static void given_generated_data_and_built_features() {
        catalog = new CatalogLoader().load(CatalogFixtures.CATALOG_DIR);
        warehouse = DuckDbWarehouse.inMemory();
        options = GeneratorOptions.defaults(7).withCustomers(CUSTOMERS);
        new DemoDataGenerator().generate(warehouse, options, ProgressReporter.silent());
        build = new FeatureBuilder().build(warehouse, catalog, options.asOf());
        long started = System.nanoTime();
        profiles = new FieldProfiler().profile(warehouse, catalog);
        profileMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("catalog on demo data: %d customers x %d fields built in %d ms, profiled in %d ms%n",
                build.customers(), build.fields(), build.elapsed().toMillis(), profileMillis);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void every_table_and_column_named_by_the_catalog_exists() throws SQLException {
        try (Connection connection = warehouse.connection()) {
            CatalogWarehouseCheck.verify(catalog, connection);
        }
        assertThat(build.customers()).isEqualTo(CUSTOMERS);
    }

    @Test
    void observed_enum_values_are_all_declared() {
        for (FieldSpec field : catalog.fields()) {
            if (field.type() == FieldType.ENUM && profiles.containsKey(field.name())) {
                assertThat(profiles.get(field.name()).topValues()).as(field.name())
                        .allSatisfy(v -> assertThat(field.allowedValues()).as(field.name()).contains(v.value()));
            }
        }
    }

    @Test
    void declared_bounds_hold_on_generated_data() {
        for (FieldSpec field : catalog.fields()) {
            FieldProfile profile = profiles.get(field.name());
            if (profile == null || !(profile.min() instanceof Number min) || !(profile.max() instanceof Number max)) {
                continue;
            }
            if (field.min() != null) {
                assertThat(min.doubleValue()).as(field.name() + " min").isGreaterThanOrEqualTo(field.min());
            }
            if (field.max() != null) {
                assertThat(max.doubleValue()).as(field.name() + " max").isLessThanOrEqualTo(field.max());
            }
        }
    }

    @Test
    void planted_weekend_shoppers_have_a_higher_weekend_order_share() throws SQLException {
        Map<String, Double> share = averageByPersona("weekend_order_share_365d");
        assertThat(share.get("weekend_shopper")).isGreaterThan(share.get("regular") + 0.2);
    }

    @Test
    void planted_discount_only_buyers_have_a_higher_discount_share() throws SQLException {
        Map<String, Double> share = averageByPersona("discount_share_365d");
        assertThat(share.get("discount_only")).isGreaterThan(share.get("regular") + 0.3);
    }

    /** planted_personas is ground truth: read by tests only, never by the catalog. */
    private static Map<String, Double> averageByPersona(String field) throws SQLException {
        Map<String, Double> averages = new HashMap<>();
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT p.persona, avg(f." + SqlText.id(field) + ") FROM customer_features f "
                     + "JOIN planted_personas p USING (customer_id) GROUP BY p.persona")) {
            while (rows.next()) {
                averages.put(rows.getString(1), rows.getDouble(2));
            }
        }
        return averages;
    }
}
