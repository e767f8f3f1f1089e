package dev.segmentagent.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each test copies the real catalog, breaks one thing, and expects file + line + path + reason. */
class CatalogLoaderBrokenCatalogTest {

    @TempDir
    Path temp;
    Path dir;

    @BeforeEach
    void copy_real_catalog() throws IOException {
        dir = CatalogLoaderTest.copyOfRealCatalog(temp);
    }

    @Test
    void rejects_unknown_field_type_with_file_line_and_reason() {
        int line = replace("fields/orders.yml", "type: integer", "type: integr");

        assertThatThrownBy(() -> new CatalogLoader().load(dir))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("schema-catalog/fields/orders.yml:" + line + " fields[0].type: ")
                .hasMessageContaining("enumeration");
    }

    @Test
    void rejects_duplicate_field_name_across_files_naming_both_places() throws IOException {
        int first = lineOf("fields/orders.yml", "- name: orders_30d");
        Files.writeString(dir.resolve("fields/web_extra.yml"), """
                fields:
                  - name: orders_30d
                    group: orders
                    type: integer
                    description: A second definition of an existing field name.
                    derivation: {aggregate: {table: orders, function: count, windowDays: 30}}
                """);

        assertThatThrownBy(() -> new CatalogLoader().load(dir))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("schema-catalog/fields/web_extra.yml:2 fields[0].name: duplicate field name 'orders_30d', "
                        + "first defined at schema-catalog/fields/orders.yml:" + first);
    }

    @Test
    void rejects_ratio_with_unknown_operand() {
        int line = replace("fields/orders.yml", "numerator: revenue_365d", "numerator: revenue_356d");

        assertThatThrownBy(() -> new CatalogLoader().load(dir))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("schema-catalog/fields/orders.yml:" + line + " fields[")
                .hasMessageContaining(".derivation.ratio.numerator: operand field 'revenue_356d' does not exist");
    }

    @Test
    void rejects_enum_field_without_allowed_values() {
        int fieldLine = lineOf("fields/profile.yml", "- name: gender") ;
        replace("fields/profile.yml", "    allowedValues: [female, male, other, unknown]\n", "");

        assertThatThrownBy(() -> new CatalogLoader().load(dir))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("schema-catalog/fields/profile.yml:" + fieldLine + " fields[6]: ")
                .hasMessageContaining("allowedValues");
    }

    @Test
    void rejects_identifier_with_a_quote_in_it() {
        int line = replace("fields/orders.yml", "- name: orders_30d", "- name: orders_30d\"; DROP TABLE customers; --");

        assertThatThrownBy(() -> new CatalogLoader().load(dir))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("schema-catalog/fields/orders.yml:" + line + " fields[3].name: ")
                .hasMessageContaining("is not a valid identifier");
    }

    @Test
    void rejects_cycle_between_computed_fields() {
        replace("fields/orders.yml", "derivation: {aggregate: {table: orders, function: count, filters: [{column: status, op: eq, value: completed}], windowDays: 365}}",
                "derivation: {ratio: {numerator: aov_365d, denominator: revenue_365d}}");
        replace("fields/orders.yml", "  - name: orders_365d\n    group: orders\n    type: integer", "  - name: orders_365d\n    group: orders\n    type: decimal");

        assertThatThrownBy(() -> new CatalogLoader().load(dir))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("computed fields form a cycle")
                .hasMessageContaining("orders_365d");
    }

    @Test
    void rejects_ground_truth_table_in_catalog() {
        int line = replace("catalog.yml", "  - name: model_scores\n", "  - name: planted_personas\n");

        assertThatThrownBy(() -> new CatalogLoader().load(dir))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("schema-catalog/catalog.yml:" + line + " tables[7].name: ");
    }

    @Test
    void rejects_example_naming_a_field_that_does_not_exist() {
        int line = replace("examples.yml", "- {type: compare, field: product_views_30d, op: \">=\", value: 10}",
                "- {type: compare, field: product_views_31d, op: \">=\", value: 10}");

        assertThatThrownBy(() -> new CatalogLoader().load(dir))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("schema-catalog/examples.yml:" + line + " examples[3].definition.condition.conditions[0].field: "
                        + "field 'product_views_31d' does not exist");
    }

    @Test
    void reports_every_problem_at_once_sorted_by_file() {
        replace("fields/orders.yml", "type: integer", "type: integr");
        replace("fields/web.yml", "unit: days", "unit: 7");

        assertThatThrownBy(() -> new CatalogLoader().load(dir))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.problems())
                        .extracting(CatalogProblem::file)
                        .containsExactly("schema-catalog/fields/orders.yml", "schema-catalog/fields/web.yml"));
    }

    /** Replaces the first occurrence and returns the 1-based line where the replacement starts. */
    private int replace(String file, String old, String replacement) {
        try {
            Path path = dir.resolve(file);
            String text = Files.readString(path);
            int at = text.indexOf(old);
            assertThat(at).as("'%s' in %s", old, file).isNotNegative();
            Files.writeString(path, text.substring(0, at) + replacement + text.substring(at + old.length()));
            return lineAt(text, at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int lineOf(String file, String needle) {
        try {
            String text = Files.readString(dir.resolve(file));
            int at = text.indexOf(needle);
            assertThat(at).isNotNegative();
            return lineAt(text, at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineAt(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
