package dev.segmentagent.catalog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldSearchTest {

    static Catalog catalog;
    static FieldSearch search;

    @BeforeAll
    static void given_the_real_catalog() {
        catalog = new CatalogLoader().load(CatalogFixtures.CATALOG_DIR);
        search = FieldSearch.keywords(catalog);
    }

    @Test
    void open_rate_finds_email_open_rates_first() {
        List<String> top = names(search.search("open rate", 3));
        assertThat(top.get(0)).isEqualTo("email_open_rate_30d");
        assertThat(top).contains("email_open_rate_90d");
    }

    @Test
    void lifetime_revenue_finds_net_revenue_not_gross_or_the_deprecated_alias() {
        List<String> top = names(search.search("lifetime revenue", 5));
        assertThat(top.get(0)).isEqualTo("revenue_total");
        assertThat(top.indexOf("revenue_total")).isLessThan(top.indexOf("total_spend") < 0 ? 99 : top.indexOf("total_spend"));
    }

    @Test
    void weekend_finds_the_weekend_order_share() {
        List<String> top = names(search.search("weekend", 4));
        assertThat(top.get(0)).isEqualTo("weekend_order_share_365d");
        assertThat(top).contains("weekend_session_share_90d");
    }

    @Test
    void plurals_and_windows_match_snake_case_names() {
        assertThat(names(search.search("orders in the last 30 days", 1))).containsExactly("orders_30d");
        assertThat(names(search.search("days since last visit", 1))).containsExactly("days_since_last_visit");
        assertThat(names(search.search("churn probability", 1))).containsExactly("churn_risk");
    }

    @Test
    void a_second_scorer_combines_with_keywords() {
        // given a scorer that knows only one field (an embedding scorer would rank all of them)
        FieldScorer favoursGmv = query -> Map.of("gross_merchandise_value", 10.0);
        FieldSearch combined = new FieldSearch(catalog, List.of(
                new FieldSearch.WeightedScorer(new KeywordScorer(catalog), 1.0),
                new FieldSearch.WeightedScorer(favoursGmv, 1.0)));

        // when / then: its opinion moves gross_merchandise_value above the keyword winner
        assertThat(names(combined.search("lifetime revenue", 1))).containsExactly("gross_merchandise_value");
        assertThat(names(search.search("lifetime revenue", 1))).containsExactly("revenue_total");
    }

    @Test
    void query_without_known_words_finds_nothing() {
        assertThat(search.search("xylophone quantum")).isEmpty();
    }

    private static List<String> names(List<FieldHit> hits) {
        return hits.stream().map(h -> h.field().name()).toList();
    }
}
