package dev.segmentagent.segment;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogLoader;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over the shipped catalog: one condition per field and per event reads as a short sentence made of the
 * catalog's wording, never of its LLM-facing descriptions.
 */
class SegmentExplainerRealCatalogTest {

    static final Catalog CATALOG = new CatalogLoader().load(Path.of("schema-catalog"));
    final SegmentExplainer explainer = new SegmentExplainer(CATALOG);

    @Test
    void every_field_has_a_label_and_every_boolean_its_predicates() {
        for (FieldSpec field : CATALOG.fields()) {
            assertThat(field.wording().label()).as(field.name()).isNotBlank().hasSizeLessThanOrEqualTo(60);
            if (field.type() == FieldType.BOOLEAN) {
                assertThat(field.wording().whenTrue()).as(field.name()).isNotBlank();
                assertThat(field.wording().whenFalse()).as(field.name()).isNotBlank();
            }
            assertThat(field.allowedValues()).as(field.name() + " value labels name real values")
                    .containsAll(field.wording().valueLabels().keySet());
        }
    }

    @Test
    void every_event_has_past_and_negative_verb_phrases() {
        for (EventSpec event : CATALOG.events()) {
            assertThat(event.did()).as(event.name()).isNotBlank();
            assertThat(event.didNot()).as(event.name()).startsWith("did not ");
        }
    }

    @Test
    void one_condition_per_field_reads_as_a_short_sentence_without_description_text() {
        Map<String, String> sentences = new LinkedHashMap<>();
        for (FieldSpec field : CATALOG.fields()) {
            for (Condition condition : conditionsOn(field)) {
                sentences.put(field.name() + " " + condition, explain(condition));
            }
        }
        sentences.values().forEach(System.out::println);

        assertThat(sentences).allSatisfy((what, sentence) -> assertReadable(what, sentence));
        assertThat(sentences.size()).isGreaterThanOrEqualTo(CATALOG.fields().size() * 2);
    }

    @Test
    void one_condition_per_event_reads_as_a_short_sentence_without_description_text() {
        Map<String, String> sentences = new LinkedHashMap<>();
        for (EventSpec event : CATALOG.events()) {
            List<PropertyFilter> where = new ArrayList<>();
            if (!event.properties().isEmpty()) {
                where.add(filterOn(event.properties().get(0)));
            }
            Condition did = new Condition.Event(event.name(), true, where, TimeWindow.lastDays(90),
                    new CountThreshold(ComparisonOp.GTE, 2L), null);
            Condition didNot = new Condition.Event(event.name(), false, List.of(), TimeWindow.lastDays(30), null, null);
            sentences.put(event.name() + " did", explain(did));
            sentences.put(event.name() + " did not", explain(didNot));
            assertThat(explain(didNot)).contains(event.didNot());
        }
        sentences.values().forEach(System.out::println);

        assertThat(sentences).allSatisfy((what, sentence) -> assertReadable(what, sentence));
    }

    private String explain(Condition condition) {
        return explainer.explain(new SegmentDefinition("probe", null, condition));
    }

    private static void assertReadable(String what, String sentence) {
        assertThat(sentence).as(what).hasSizeLessThan(120)
                .doesNotContain("(0..1)", "0..1", "is equal to", "is true", "is false", "_", "null", "PREDICTION", " - ")
                .doesNotContainPattern("\\.$");
    }

    /** A condition and its negation per field, in the shape a request would use for the field's type. */
    private static List<Condition> conditionsOn(FieldSpec field) {
        String name = field.name();
        List<Condition> conditions = new ArrayList<>();
        Condition primary = switch (field.type()) {
            case BOOLEAN -> new Condition.Compare(name, ComparisonOp.EQ, Literal.of(true));
            case INTEGER, DECIMAL -> new Condition.Compare(name, ComparisonOp.GTE, Literal.of(threshold(field)));
            case ENUM -> new Condition.In(name, field.allowedValues().stream().limit(2).map(Literal::of).toList());
            case STRING -> new Condition.Compare(name, ComparisonOp.EQ, Literal.of("Berlin"));
            case DATE, TIMESTAMP -> new Condition.Compare(name, ComparisonOp.LT, Literal.of("2025-01-01"));
        };
        conditions.add(primary);
        conditions.add(new Condition.Not(primary));
        if (field.type().isNumeric()) {
            BigDecimal low = BigDecimal.valueOf(threshold(field));
            conditions.add(new Condition.Between(name, new Literal.Number(low), new Literal.Number(low.multiply(BigDecimal.valueOf(2)))));
        }
        conditions.add(new Condition.IsNull(name));
        return conditions;
    }

    private static double threshold(FieldSpec field) {
        if (field.max() != null && field.max() <= 1) {
            return 0.7;
        }
        return "ratio".equals(field.unit()) ? 0.25 : 3;
    }

    private static PropertyFilter filterOn(EventSpec.EventProperty property) {
        if (!property.allowedValues().isEmpty()) {
            return new PropertyFilter(property.name(), PropertyFilter.FilterOp.IN,
                    null, property.allowedValues().stream().limit(2).map(Literal::of).toList());
        }
        if (property.type().isNumeric()) {
            return new PropertyFilter(property.name(), PropertyFilter.FilterOp.GTE, Literal.of(2), null);
        }
        return new PropertyFilter(property.name(), PropertyFilter.FilterOp.EQ, Literal.of("SUMMER10"), null);
    }
}
