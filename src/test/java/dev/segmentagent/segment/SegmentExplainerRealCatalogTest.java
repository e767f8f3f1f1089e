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

    @Test
    void the_issue_example_reads_as_the_marketer_said_it() {
        // "fell by more than half" as the catalog can say it: the 30-day open rate at least 50 points under the 90-day one
        assertGolden("""
                {"type":"and","conditions":[
                  {"type":"compare","field":"orders_90d","op":">=","value":3},
                  {"type":"compare","field":"email_open_rate_change","op":"<","value":-0.5}]}""",
                "Customers who placed at least 3 completed orders in the last 90 days "
                        + "and whose email open rate fell by more than 50 percentage points");
    }

    @Test
    void golden_win_back_audience() {
        assertGolden("""
                {"type":"and","conditions":[
                  {"type":"score","model":"churn","op":">=","value":0.7},
                  {"type":"compare","field":"email_consent","op":"=","value":true},
                  {"type":"event","event":"purchase","did":false,"window":{"lastDays":60}}]}""",
                "Customers whose churn risk is at least 70%, who agreed to marketing email "
                        + "and who did not place an order in the last 60 days");
    }

    @Test
    void golden_category_buyers_with_count_and_spend() {
        assertGolden("""
                {"type":"event","event":"purchased_item","where":[{"property":"category","op":"in","values":["shoes","apparel"]}],
                 "window":{"lastDays":90},"count":{"op":">=","value":2},"sum":{"measure":"unit_price","op":">=","value":100}}""",
                "Customers who bought an item in the shoes or apparel category in the last 90 days, at least 2 times, "
                        + "with list price totalling at least €100");
    }

    @Test
    void golden_high_value_loyal_customers() {
        assertGolden("""
                {"type":"and","conditions":[
                  {"type":"compare","field":"revenue_365d","op":">=","value":1200},
                  {"type":"in","field":"loyalty_tier","values":["gold","platinum"]},
                  {"type":"score","model":"rfm","tier":"champions"}]}""",
                "Customers whose net revenue in the last 365 days is at least €1,200, whose loyalty tier is gold or platinum "
                        + "and who are in the champions RFM segment");
    }

    @Test
    void golden_cart_abandoners_we_may_contact() {
        assertGolden("""
                {"type":"and","conditions":[
                  {"type":"event","event":"add_to_cart","window":{"lastDays":7}},
                  {"type":"not","condition":{"type":"event","event":"purchase","window":{"lastDays":7}}},
                  {"type":"or","conditions":[
                    {"type":"compare","field":"email_consent","op":"=","value":true},
                    {"type":"compare","field":"sms_consent","op":"=","value":true}]}]}""",
                "Customers who added to cart in the last 7 days, who did not place an order in the last 7 days "
                        + "and either who agreed to marketing email or who agreed to marketing SMS");
    }

    @Test
    void golden_lapsing_weekend_bargain_hunters() {
        assertGolden("""
                {"type":"and","conditions":[
                  {"type":"cluster","model":"behaviour","cluster":"Weekend discount hunters"},
                  {"type":"not","condition":{"type":"score","model":"churn","tier":"high"}},
                  {"type":"between","field":"days_since_last_order","low":30,"high":90},
                  {"type":"compare","field":"rfm_segment","op":"=","value":"cant_lose"}]}""",
                "Customers who are in the 'Weekend discount hunters' behaviour cluster, who are not in the high churn-risk tier, "
                        + "whose time since the last order is between 30 and 90 days and whose RFM segment is can't lose");
    }

    private void assertGolden(String conditionJson, String expected) {
        SegmentDefinition definition = SegmentJson.parse(SegmentJsonTest.def(conditionJson.replace("\n", " ")));
        assertThat(explainer.explain(definition)).isEqualTo(expected);
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
            case STRING -> new Condition.Compare(name, ComparisonOp.EQ, Literal.of("x"));
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
        boolean share = "ratio".equals(field.unit()) || "probability".equals(field.unit());
        return share ? 0.25 : 3;
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
