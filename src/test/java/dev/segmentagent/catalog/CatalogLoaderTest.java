package dev.segmentagent.catalog;

import java.util.stream.Stream;
import java.nio.file.Files;
import java.io.IOException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogLoaderTest {

    static final Path CATALOG_DIR = Path.of("schema-catalog");

    @Test
    void loads_and_validates_the_real_catalog() {
        // when
        Catalog catalog = new CatalogLoader().load(CATALOG_DIR);

        // then
        assertThat(catalog.fields()).hasSizeGreaterThanOrEqualTo(85);
        assertThat(catalog.examples()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(catalog.fields().stream().filter(FieldSpec::deprecated)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(catalog.events()).extracting(EventSpec::name).contains("purchase", "purchased_item", "email_open",
                "add_to_cart", "checkout_start", "sms_click", "support_ticket");
        assertThat(catalog.models()).extracting(ModelSpec::name).containsExactlyInAnyOrder("churn", "purchase_propensity", "rfm", "behaviour");
        assertThat(catalog.tables()).extracting(TableSpec::name).doesNotContain("planted_personas");
    }

    @Test
    void real_catalog_has_at_least_five_look_alike_groups() {
        Catalog catalog = new CatalogLoader().load(CATALOG_DIR);

        // groups = connected components of the look-alike graph
        Map<String, String> parent = new HashMap<>();
        catalog.fields().forEach(f -> parent.put(f.name(), f.name()));
        for (FieldSpec field : catalog.fields()) {
            for (String other : field.lookAlikes()) {
                parent.put(root(parent, field.name()), root(parent, other));
            }
        }
        Set<String> groups = new HashSet<>();
        catalog.fields().stream().filter(f -> !f.lookAlikes().isEmpty()).forEach(f -> groups.add(root(parent, f.name())));

        assertThat(groups).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void every_example_names_existing_current_fields() {
        Catalog catalog = new CatalogLoader().load(CATALOG_DIR);

        for (ExamplePair example : catalog.examples()) {
            for (String name : example.fields()) {
                assertThat(catalog.field(name)).as("%s in '%s'", name, example.request()).isPresent();
                assertThat(catalog.field(name).orElseThrow().deprecated()).as(name).isFalse();
            }
            assertThat(example.definition().path("condition").isObject()).as(example.request()).isTrue();
        }
    }

    @Test
    void personal_fields_cannot_be_tested_by_conditions() {
        Catalog catalog = new CatalogLoader().load(CATALOG_DIR);

        for (String name : List.of("email", "phone", "first_name", "last_name", "birth_date")) {
            FieldSpec field = catalog.field(name).orElseThrow();
            assertThat(field.pii()).as(name).isTrue();
            assertThat(field.piiConditionAllowed()).as(name).isFalse();
        }
        assertThat(catalog.field("country").orElseThrow().pii()).isFalse();
    }

    private static String root(Map<String, String> parent, String name) {
        while (!parent.get(name).equals(name)) {
            name = parent.get(name);
        }
        return name;
    }

    /** A writable copy of the real catalog under {@code temp}, for tests that break or change one thing in it. */
    static Path copyOfRealCatalog(Path temp) throws IOException {
        Path dir = temp.resolve("schema-catalog");
        try (Stream<Path> files = Files.walk(CATALOG_DIR)) {
            for (Path source : files.toList()) {
                Path target = dir.resolve(CATALOG_DIR.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return dir;
    }
}
