package dev.segmentagent.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The explanation wording in the catalog: what the schema admits, what the parser reads, and the fallback. */
class CatalogWordingTest {

    @TempDir
    Path temp;
    Path dir;

    @BeforeEach
    void copy_real_catalog() throws IOException {
        dir = CatalogLoaderTest.copyOfRealCatalog(temp);
    }

    @Test
    void reads_field_event_property_and_measure_wording_from_the_real_catalog() {
        Catalog catalog = new CatalogLoader().load(CatalogLoaderTest.CATALOG_DIR);

        FieldSpec orders = catalog.field("orders_90d").orElseThrow();
        FieldSpec consent = catalog.field("email_consent").orElseThrow();
        FieldSpec rfm = catalog.field("rfm_segment").orElseThrow();
        EventSpec item = catalog.event("purchased_item").orElseThrow();

        assertThat(orders.label()).isEqualTo("completed orders in the last 90 days");
        assertThat(orders.wording().countVerb()).isEqualTo("placed");
        assertThat(consent.wording().whenTrue()).isEqualTo("agreed to marketing email");
        assertThat(consent.wording().whenFalse()).isEqualTo("did not agree to marketing email");
        assertThat(rfm.valueLabel("cant_lose")).isEqualTo("can't lose");
        assertThat(rfm.valueLabel("potential_loyalist")).isEqualTo("potential loyalist");
        assertThat(item.didPhrase()).isEqualTo("bought an item");
        assertThat(item.didNotPhrase()).isEqualTo("did not buy an item");
        assertThat(item.properties()).filteredOn(p -> p.name().equals("category"))
                .extracting(EventSpec.EventProperty::phrase).containsExactly("in the {} category");
        assertThat(item.measures()).extracting(EventSpec.EventMeasure::labelOrName).contains("list price", "units");
    }

    @Test
    void a_field_without_a_label_reads_by_its_descriptions_first_clause() {
        FieldSpec bare = new FieldSpec("aov_365d", "orders", FieldType.DECIMAL, "EUR",
                "Average order value - net revenue per completed order over the last 365 days.", List.of(), List.of(),
                false, false, null, List.of(), null, null, null);
        FieldSpec sentence = new FieldSpec("odd_field", "orders", FieldType.DECIMAL, null,
                "Something described in one long sentence without any early break at all in it.", List.of(), List.of(),
                false, false, null, List.of(), null, null, null);

        assertThat(bare.label()).isEqualTo("average order value");
        assertThat(sentence.label()).isEqualTo("odd field");
        assertThat(new EventSpec("weekend_purchase", "An order on a weekend.", List.of(), "orders", "ordered_at",
                List.of(), List.of(), List.of()).didNotPhrase()).isEqualTo("had no weekend purchase event");
    }

    @Test
    void rejects_a_label_written_as_a_sentence() throws IOException {
        replace("fields/orders.yml", "label: completed orders in the last 90 days", "label: Completed orders in the last 90 days.");

        assertThatThrownBy(() -> new CatalogLoader().load(dir)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("fields/orders.yml").hasMessageContaining(".label")
                .hasMessageContaining("ends with a full stop");
    }

    @Test
    void rejects_boolean_predicates_on_a_field_that_is_not_boolean() throws IOException {
        replace("fields/orders.yml", "label: completed orders in the last 90 days",
                "label: completed orders in the last 90 days\n    whenTrue: ordered");

        assertThatThrownBy(() -> new CatalogLoader().load(dir)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("fields/orders.yml").hasMessageContaining("'whenTrue' is not allowed here");
    }

    @Test
    void rejects_a_property_phrase_without_a_place_for_the_values() throws IOException {
        replace("catalog.yml", "phrase: 'in the {} category'", "phrase: 'in the category'");

        assertThatThrownBy(() -> new CatalogLoader().load(dir)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("catalog.yml").hasMessageContaining(".phrase")
                .hasMessageContaining("needs {} where the filter values go");
    }

    private void replace(String file, String old, String replacement) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(old);
        Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(old),
                java.util.regex.Matcher.quoteReplacement(replacement)));
    }
}
