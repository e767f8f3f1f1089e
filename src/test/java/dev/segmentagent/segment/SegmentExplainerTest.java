package dev.segmentagent.segment;

import dev.segmentagent.testing.TestCatalog;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentExplainerTest {

    final SegmentExplainer explainer = new SegmentExplainer(TestCatalog.catalog());

    static String explain(SegmentExplainer explainer, String conditionJson) {
        return explainer.explain(SegmentJson.parse(SegmentJsonTest.def(conditionJson)));
    }

    String explain(String conditionJson) {
        return explain(explainer, conditionJson);
    }

    @Test
    void renders_a_definition_as_one_sentence_from_the_catalog_wording() {
        String text = explain("{\"type\":\"and\",\"conditions\":["
                + "{\"type\":\"compare\",\"field\":\"orders_90d\",\"op\":\">=\",\"value\":3},"
                + "{\"type\":\"compare\",\"field\":\"email_open_rate_30d\",\"op\":\"<\",\"value\":0.1},"
                + "{\"type\":\"event\",\"event\":\"purchased_item\",\"did\":false,\"where\":[{\"property\":\"category\",\"op\":\"=\",\"value\":\"shoes\"}],\"window\":{\"lastDays\":90}}]}");

        assertThat(text).isEqualTo("Customers who placed at least 3 completed orders in the last 90 days, "
                + "whose email open rate in the last 30 days is below 10% "
                + "and who did not buy an item in the shoes category in the last 90 days");
    }

    @Test
    void pushes_negation_into_the_leaves_instead_of_wrapping_groups() {
        String a = "{\"type\":\"in\",\"field\":\"country\",\"values\":[\"DE\",\"FR\"]}";
        String b = "{\"type\":\"score\",\"model\":\"churn\",\"op\":\">=\",\"value\":0.7}";

        String either = explain("{\"type\":\"or\",\"conditions\":[" + a + "," + b + "]}");
        String neither = explain("{\"type\":\"not\",\"condition\":{\"type\":\"or\",\"conditions\":[" + a + "," + b + "]}}");
        String notBoth = explain("{\"type\":\"not\",\"condition\":{\"type\":\"and\",\"conditions\":[" + a + "," + b + "]}}");
        String notNull = explain("{\"type\":\"not\",\"condition\":{\"type\":\"isNull\",\"field\":\"last_order_at\"}}");

        assertThat(either).isEqualTo("Customers either whose country of residence is DE or FR or whose churn score is at least 70%");
        assertThat(neither).isEqualTo("Customers whose country of residence is neither DE nor FR and whose churn score is below 70%");
        assertThat(notBoth).isEqualTo("Customers either whose country of residence is neither DE nor FR or whose churn score is below 70%");
        assertThat(notNull).isEqualTo("Customers whose time of the latest order is known");
    }

    @Test
    void reads_counts_with_their_verb_and_turns_negated_thresholds_around() {
        assertThat(explain("{\"type\":\"not\",\"condition\":{\"type\":\"compare\",\"field\":\"orders_90d\",\"op\":\">=\",\"value\":3}}"))
                .isEqualTo("Customers who placed fewer than 3 completed orders in the last 90 days");
        assertThat(explain("{\"type\":\"compare\",\"field\":\"orders_90d\",\"op\":\"=\",\"value\":0}"))
                .isEqualTo("Customers who placed no completed orders in the last 90 days");
        // no catalog wording: the description's first clause is the label, without its "number of"
        assertThat(explain("{\"type\":\"compare\",\"field\":\"orders_365d\",\"op\":\">\",\"value\":5}"))
                .isEqualTo("Customers with more than 5 completed orders placed in the last 365 days");
    }

    @Test
    void reads_booleans_as_the_catalog_predicates_whichever_way_they_are_negated() {
        String yes = "Customers who agreed to marketing email";
        String no = "Customers who did not agree to marketing email";

        assertThat(explain("{\"type\":\"compare\",\"field\":\"email_consent\",\"op\":\"=\",\"value\":true}")).isEqualTo(yes);
        assertThat(explain("{\"type\":\"compare\",\"field\":\"email_consent\",\"op\":\"=\",\"value\":false}")).isEqualTo(no);
        assertThat(explain("{\"type\":\"compare\",\"field\":\"email_consent\",\"op\":\"!=\",\"value\":true}")).isEqualTo(no);
        assertThat(explain("{\"type\":\"not\",\"condition\":{\"type\":\"compare\",\"field\":\"email_consent\",\"op\":\"=\",\"value\":false}}"))
                .isEqualTo(yes);
    }

    @Test
    void formats_money_percent_and_durations_by_the_field_unit() {
        assertThat(explain("{\"type\":\"compare\",\"field\":\"total_spend_365d\",\"op\":\">=\",\"value\":1200}"))
                .isEqualTo("Customers whose total net spend over the last 365 days is at least €1,200");
        assertThat(explain("{\"type\":\"between\",\"field\":\"aov_365d\",\"low\":49.5,\"high\":100}"))
                .isEqualTo("Customers whose average order value over the last 365 days is between €49.50 and €100");
        assertThat(explain("{\"type\":\"between\",\"field\":\"age\",\"low\":25,\"high\":34}"))
                .isEqualTo("Customers whose age in whole years is between 25 and 34 years");
        assertThat(explain("{\"type\":\"compare\",\"field\":\"email_click_rate_30d\",\"op\":\">\",\"value\":0.125}"))
                .isEqualTo("Customers whose email click rate in the last 30 days is more than 12.5%");
    }

    @Test
    void reads_enum_codes_by_their_labels_and_quotes_free_text() {
        assertThat(explain("{\"type\":\"in\",\"field\":\"loyalty_tier\",\"values\":[\"none\",\"silver\",\"gold\"]}"))
                .isEqualTo("Customers whose loyalty tier is none (not a member), silver or gold");
        assertThat(explain("{\"type\":\"not\",\"condition\":{\"type\":\"compare\",\"field\":\"city\",\"op\":\"contains\",\"value\":\"ber\"}}"))
                .isEqualTo("Customers whose city of residence does not contain 'ber'");
    }

    @Test
    void reads_event_filters_windows_counts_and_sums_in_words() {
        String text = explain("{\"type\":\"event\",\"event\":\"purchased_item\",\"where\":[{\"property\":\"category\",\"op\":\"in\","
                + "\"values\":[\"shoes\",\"apparel\"]}],\"window\":{\"from\":\"2025-01-01\",\"to\":\"2025-04-01\"},"
                + "\"count\":{\"op\":\">=\",\"value\":2},\"sum\":{\"measure\":\"spend\",\"op\":\">=\",\"value\":100}}");
        String once = explain("{\"type\":\"event\",\"event\":\"purchase\",\"where\":[{\"property\":\"channel\",\"op\":\"!=\",\"value\":\"store\"},"
                + "{\"property\":\"item_count\",\"op\":\">=\",\"value\":3}],\"count\":{\"op\":\">\",\"value\":1}}");

        assertThat(text).isEqualTo("Customers who bought an item in the shoes or apparel category between 2025-01-01 and 2025-03-31, "
                + "at least 2 times, with spend totalling at least €100");
        assertThat(once).isEqualTo("Customers who placed an order not via store with item count of at least 3, more than once");
    }

    @Test
    void reads_models_by_tier_and_cluster_and_saved_segments_by_name() {
        SegmentExplainer withSegments = new SegmentExplainer(TestCatalog.catalog(),
                SegmentResolver.of(Map.of("seg-1", new SegmentDefinition("VIP buyers", null, null))));

        assertThat(explain("{\"type\":\"score\",\"model\":\"churn\",\"tier\":\"high\"}"))
                .isEqualTo("Customers who are in the high churn tier");
        assertThat(explain("{\"type\":\"not\",\"condition\":{\"type\":\"cluster\",\"model\":\"behaviour\",\"cluster\":\"Weekend discount hunters\"}}"))
                .isEqualTo("Customers who are not in the 'Weekend discount hunters' behaviour cluster");
        assertThat(explain(withSegments, "{\"type\":\"inSegment\",\"segment\":\"seg-1\"}"))
                .isEqualTo("Customers who are in the 'VIP buyers' segment");
        assertThat(explain("{\"type\":\"inSegment\",\"segment\":\"seg-1\"}")).isEqualTo("Customers who are in segment seg-1");
    }

    @Test
    void brackets_a_nested_group_only_where_the_sentence_would_lose_its_grouping() {
        String or = "{\"type\":\"or\",\"conditions\":[{\"type\":\"compare\",\"field\":\"email_consent\",\"op\":\"=\",\"value\":true},"
                + "{\"type\":\"compare\",\"field\":\"age\",\"op\":\">=\",\"value\":30}]}";
        String leaf = "{\"type\":\"compare\",\"field\":\"orders_90d\",\"op\":\">=\",\"value\":1}";

        assertThat(explain("{\"type\":\"and\",\"conditions\":[" + leaf + "," + or + "]}"))
                .isEqualTo("Customers who placed any completed orders in the last 90 days and either who agreed to "
                        + "marketing email or whose age in whole years is at least 30 years");
        assertThat(explain("{\"type\":\"and\",\"conditions\":[" + or + "," + leaf + "]}"))
                .isEqualTo("Customers (either who agreed to marketing email or whose age in whole years is at least 30 years) "
                        + "and who placed any completed orders in the last 90 days");
    }

    @Test
    void has_a_phrase_for_every_node_type() {
        String text = explainer.explain(SegmentJson.parse(SegmentJsonTest.FULL));

        assertThat(text).contains("who placed at least 3 completed orders in the last 90 days",
                "whose age in whole years is between 25 and 34 years", "whose country of residence is DE or FR",
                "whose time of the latest order is unknown", "whose city of residence does not contain 'ber'",
                "who did not buy an item in the shoes category in the last 90 days, at least 2 times, with spend totalling at least €100",
                "who placed an order via web or app between 2025-01-01 and 2025-03-31",
                "whose churn score is at least 70%", "who are in the high churn tier",
                "who are in the 'Weekend discount hunters' behaviour cluster",
                "either who are in segment seg-1 or who agreed to marketing email");
    }
}
