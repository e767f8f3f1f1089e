package dev.segmentagent.ingest;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogLoader;
import dev.segmentagent.catalog.FeatureBuilder;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.ProgressReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogDraftTest {

    @TempDir
    Path dir;

    @Test
    void drafts_a_loadable_catalog_from_messy_column_names_with_types_units_enums_synonyms_and_order_features()
            throws Exception {
        Path customers = dir.resolve("crm export.csv");
        StringBuilder csv = new StringBuilder("Cust ID,LTV($),signupDate,plan_tier,Email,is_active,tenure_days\n");
        String[] plans = {"free", "basic", "pro"};
        for (int i = 1; i <= 60; i++) {
            csv.append(i).append(',').append(i * 10.5).append(",2024-0").append(1 + i % 9).append("-1").append(i % 10)
                    .append(',').append(plans[i % 3]).append(",u").append(i).append("@x.org,").append(i % 2 == 0)
                    .append(',').append(i * 3).append('\n');
        }
        Files.writeString(customers, csv);
        Path orders = dir.resolve("orders.csv");
        Files.writeString(orders, "order_id,Cust ID,ordered_at,net_amount\n1,1,2024-10-01 10:00:00,10\n"
                + "2,1,2024-12-20 10:00:00,30\n3,2,2023-06-01 10:00:00,5\n");

        try (DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory()) {
            Importer.Result result = new Importer("1GB").run(warehouse, new ImportRequest(
                    ImportSource.File.of(customers), ImportSource.File.of(orders), null, "Cust ID", null, null, false),
                    ProgressReporter.silent());
            Path catalogDir = dir.resolve("catalog");
            boolean drafted = CatalogDrafts.place(result.profiles(), catalogDir,
                    Path.of("schema-catalog", CatalogLoader.SCHEMA_FILE), false, warehouse);
            String yaml = Files.readString(catalogDir.resolve(CatalogDrafts.FILE));

            // valid against the catalog JSON Schema and its semantic checks, and against the warehouse
            Catalog catalog = CatalogDrafts.load(catalogDir, warehouse);

            assertThat(drafted).isTrue();
            FieldSpec ltv = catalog.field("ltv").orElseThrow();
            assertThat(ltv.type()).isEqualTo(FieldType.DECIMAL);
            assertThat(ltv.unit()).isEqualTo("USD");
            assertThat(ltv.synonyms()).contains("lifetime value", "ltv($)");
            assertThat(catalog.field("signup_date").orElseThrow().type()).isEqualTo(FieldType.DATE);
            assertThat(catalog.field("days_since_signup").orElseThrow().unit()).isEqualTo("days");
            assertThat(catalog.field("tenure_days").orElseThrow().unit()).isEqualTo("days");
            FieldSpec plan = catalog.field("plan_tier").orElseThrow();
            assertThat(plan.type()).isEqualTo(FieldType.ENUM);
            assertThat(plan.allowedValues()).containsExactlyInAnyOrder("free", "basic", "pro");
            assertThat(plan.synonyms()).contains("plan tier");
            assertThat(catalog.field("email").orElseThrow().pii()).isTrue();
            assertThat(catalog.field("is_active").orElseThrow().type()).isEqualTo(FieldType.BOOLEAN);
            assertThat(catalog.fields()).extracting(FieldSpec::name).contains("orders_total", "orders_last_30_days",
                    "orders_last_90_days", "orders_last_365_days", "days_since_last_order", "revenue_total",
                    "revenue_last_365_days", "average_order_value");
            assertThat(catalog.event("order")).isPresent();
            assertThat(yaml).contains("draft: true", "nullRate:", "Drafted from the data: review");
            assertThat(yaml.lines().filter(l -> l.startsWith("- name:") || l.startsWith("  - name:")).count())
                    .isGreaterThan(0);

            // the derived features compute as the draft says, as of just after the latest order
            new FeatureBuilder().build(warehouse, catalog, result.report().asOf());
            try (Connection c = warehouse.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT orders_total, orders_last_30_days, revenue_total, "
                         + "days_since_last_order, plan_tier FROM customer_features WHERE customer_id = 1")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
                assertThat(rs.getLong(2)).isEqualTo(1);
                assertThat(rs.getDouble(3)).isEqualTo(40.0);
                assertThat(rs.getLong(4)).isZero();
                assertThat(rs.getString(5)).isEqualTo("basic");
            }
        }
    }

    @Test
    void a_reviewed_catalog_that_still_fits_survives_a_reimport() throws Exception {
        Path customers = dir.resolve("c.csv");
        Files.writeString(customers, "id,plan\n1,pro\n2,free\n3,pro\n4,pro\n5,free\n6,pro\n");
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory()) {
            Path catalogDir = dir.resolve("catalog");
            Path schema = Path.of("schema-catalog", CatalogLoader.SCHEMA_FILE);
            Importer.Result first = new Importer("1GB").run(warehouse, new ImportRequest(
                    ImportSource.File.of(customers), null, null, null, null, null, false), ProgressReporter.silent());
            CatalogDrafts.place(first.profiles(), catalogDir, schema, false, warehouse);
            Path file = catalogDir.resolve(CatalogDrafts.FILE);
            Files.writeString(file, Files.readString(file).replace("Plan of the customer", "Subscription plan of the customer"));

            Importer.Result second = new Importer("1GB").run(warehouse, new ImportRequest(
                    ImportSource.File.of(customers), null, null, null, null, null, false), ProgressReporter.silent());
            boolean redrafted = CatalogDrafts.place(second.profiles(), catalogDir, schema, false, warehouse);

            assertThat(redrafted).isFalse();
            assertThat(Files.readString(file)).contains("Subscription plan of the customer");
        }
    }
}
