package dev.segmentagent.segment;

import dev.segmentagent.testing.TestCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentExplainerTest {

    final SegmentExplainer explainer = new SegmentExplainer(TestCatalog.catalog());

    @Test
    void renders_a_definition_as_one_english_sentence_from_catalog_descriptions_and_units() {
        SegmentDefinition d = SegmentJson.parse(SegmentJsonTest.def("{\"type\":\"and\",\"conditions\":["
                + "{\"type\":\"compare\",\"field\":\"orders_90d\",\"op\":\">=\",\"value\":3},"
                + "{\"type\":\"compare\",\"field\":\"email_open_rate_30d\",\"op\":\"<\",\"value\":0.1},"
                + "{\"type\":\"event\",\"event\":\"purchased_item\",\"did\":false,\"where\":[{\"property\":\"category\",\"op\":\"=\",\"value\":\"shoes\"}],\"window\":{\"lastDays\":90}}]}"));

        assertThat(explainer.explain(d)).isEqualTo("Customers whose number of completed orders placed in the last 90 days is at least 3 orders, "
                + "and whose email open rate in the last 30 days is below 10%, "
                + "and who did not do this: bought an item (category is 'shoes') in the last 90 days");
    }

    @Test
    void renders_either_or_neither_nor_and_pushes_negation_into_leaves() {
        String a = "{\"type\":\"in\",\"field\":\"country\",\"values\":[\"DE\",\"FR\"]}";
        String b = "{\"type\":\"score\",\"model\":\"churn\",\"op\":\">=\",\"value\":0.7}";

        String either = explainer.explain(SegmentJson.parse(SegmentJsonTest.def("{\"type\":\"or\",\"conditions\":[" + a + "," + b + "]}")));
        String neither = explainer.explain(SegmentJson.parse(SegmentJsonTest.def("{\"type\":\"not\",\"condition\":{\"type\":\"or\",\"conditions\":[" + a + "," + b + "]}}")));
        String notNull = explainer.explain(SegmentJson.parse(SegmentJsonTest.def("{\"type\":\"not\",\"condition\":{\"type\":\"isNull\",\"field\":\"last_order_at\"}}")));

        assertThat(either).isEqualTo("Customers either whose country of residence is one of 'DE', 'FR' or whose probability of no order in the next 90 days is at least 70%");
        assertThat(neither).startsWith("Customers neither whose country");
        assertThat(notNull).isEqualTo("Customers whose time of the latest order is known");
    }

    @Test
    void has_a_phrase_for_every_node_type() {
        SegmentDefinition all = SegmentJson.parse(SegmentJsonTest.FULL);

        String text = explainer.explain(all);

        assertThat(text).contains("whose age in whole years is between 25 years and 34 years", "is unknown", "containing 'ber'",
                "at least 2 times", "with total spend at least 100 EUR", "between 2025-01-01 and 2025-03-31",
                "whose churn tier is high", "in the \"Weekend discount hunters\" cluster of behaviour", "in segment \"seg-1\"",
                "whose agreed to receive marketing email is equal to yes");
    }
}
