package dev.segmentagent.interpret;

import dev.segmentagent.interpret.Interpretation.Answer;
import dev.segmentagent.interpret.Interpretation.Clarification;
import dev.segmentagent.interpret.Interpretation.Declined;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline planner on the test demo data (as of 2026-11-01): phrasings to definitions, stated assumptions,
 * clarifying questions whose options it can answer itself, and refusals instead of silently dropped words.
 */
@MicronautTest
class OfflinePlannerTest {

    @Inject
    @Named("offline-planner")
    RequestInterpreter planner;

    @Inject
    DuckDbWarehouse warehouse;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "people who bought shoes in the last 3 months | {\"type\":\"event\",\"event\":\"purchased_item\",\"where\":[{\"property\":\"category\",\"op\":\"=\",\"value\":\"shoes\"}],\"window\":{\"lastDays\":90}}",
            "customers who haven't purchased in 6 months | {\"type\":\"event\",\"event\":\"purchase\",\"did\":false,\"window\":{\"lastDays\":180}}",
            "customers who never opened an email | {\"type\":\"event\",\"event\":\"email_open\",\"did\":false}",
            "customers with more than 5 orders in the last year | {\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"lastDays\":365},\"count\":{\"op\":\">\",\"value\":5}}",
            "customers with more than 5 orders | {\"type\":\"compare\",\"field\":\"orders_count\",\"op\":\">\",\"value\":5}",
            "customers with fewer than 2 orders in the last 90 days | {\"type\":\"not\",\"condition\":{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"lastDays\":90},\"count\":{\"op\":\">=\",\"value\":2}}}",
            "customers with lifetime revenue over 1000 EUR | {\"type\":\"compare\",\"field\":\"revenue_total\",\"op\":\">\",\"value\":1000}",
            "customers who spent over 300 EUR in the last 90 days | {\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"lastDays\":90},\"sum\":{\"measure\":\"amount\",\"op\":\">\",\"value\":300}}",
            "customers with an AOV under 30 | {\"type\":\"compare\",\"field\":\"aov_365d\",\"op\":\"<\",\"value\":30}",
            "customers with a return rate above 30% | {\"type\":\"compare\",\"field\":\"return_rate_365d\",\"op\":\">\",\"value\":0.3}",
            "customers aged 25 to 34 | {\"type\":\"between\",\"field\":\"age\",\"low\":25,\"high\":34}",
            "customers in Germany or France | {\"type\":\"in\",\"field\":\"country\",\"values\":[\"DE\",\"FR\"]}",
            "customers outside Germany | {\"type\":\"not\",\"condition\":{\"type\":\"compare\",\"field\":\"country\",\"op\":\"=\",\"value\":\"DE\"}}",
            "customers who cannot be emailed | {\"type\":\"not\",\"condition\":{\"type\":\"compare\",\"field\":\"email_consent\",\"op\":\"=\",\"value\":true}}",
            "customers who bought since March | {\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"from\":\"2026-03-01\"}}",
            "customers who bought this year | {\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"from\":\"2026-01-01\"}}",
            "customers whose last order was more than 90 days ago | {\"type\":\"compare\",\"field\":\"days_since_last_order\",\"op\":\">\",\"value\":90}",
            "customers who were never seen online | {\"type\":\"isNull\",\"field\":\"days_since_last_visit\"}",
            "customers with a high churn risk | {\"type\":\"score\",\"model\":\"churn\",\"tier\":\"high\"}",
            "champions from the RFM model | {\"type\":\"score\",\"model\":\"rfm\",\"tier\":\"champions\"}",
            "customers who bought shoes but not apparel | {\"type\":\"and\",\"conditions\":[{\"type\":\"event\",\"event\":\"purchased_item\",\"where\":[{\"property\":\"category\",\"op\":\"=\",\"value\":\"shoes\"}]},{\"type\":\"event\",\"event\":\"purchased_item\",\"did\":false,\"where\":[{\"property\":\"category\",\"op\":\"=\",\"value\":\"apparel\"}]}]}",
            "gold members or customers with lifetime revenue over 2000 | {\"type\":\"or\",\"conditions\":[{\"type\":\"compare\",\"field\":\"loyalty_tier\",\"op\":\"=\",\"value\":\"gold\"},{\"type\":\"compare\",\"field\":\"revenue_total\",\"op\":\">\",\"value\":2000}]}",
            "women in France who can be emailed | {\"type\":\"and\",\"conditions\":[{\"type\":\"compare\",\"field\":\"gender\",\"op\":\"=\",\"value\":\"female\"},{\"type\":\"compare\",\"field\":\"country\",\"op\":\"=\",\"value\":\"FR\"},{\"type\":\"compare\",\"field\":\"email_consent\",\"op\":\"=\",\"value\":true}]}"
    })
    void given_a_phrasing_when_planned_then_the_definition_is_the_expected_one(String request, String expected) {
        Interpretation result = planner.interpret(request);

        assertThat(result).isInstanceOf(Answer.class);
        assertThat(((Answer) result).definition().condition()).isEqualTo(SegmentJson.parseCondition(json(expected)));
    }

    @Test
    void given_lifetime_revenue_when_planned_then_the_field_is_listed_with_the_phrase_that_chose_it() {
        Answer answer = (Answer) planner.interpret("customers with lifetime revenue over 1000 EUR");

        assertThat(answer.fields()).singleElement().satisfies(choice -> {
            assertThat(choice.field()).isEqualTo("revenue_total");
            assertThat(choice.why()).contains("lifetime revenue over 1000 eur");
        });
        assertThat(answer.rationale()).contains("revenue_total");
    }

    @Test
    void given_high_value_when_planned_then_the_threshold_is_the_data_80th_percentile_and_said_so() throws Exception {
        Answer answer = (Answer) planner.interpret("high-value customers");

        double p80 = percentile("revenue_total", 0.8);
        Condition.Compare compare = (Condition.Compare) answer.definition().condition();
        assertThat(compare.field()).isEqualTo("revenue_total");
        assertThat(((dev.segmentagent.segment.Literal.Number) compare.value()).value())
                .isEqualByComparingTo(BigDecimal.valueOf(p80));
        assertThat(answer.assumptions()).singleElement().asString()
                .contains("top 20% by lifetime revenue").contains("80th percentile");
    }

    @Test
    void given_likely_to_churn_when_planned_then_the_probability_threshold_is_an_assumption() {
        Answer answer = (Answer) planner.interpret("customers likely to churn");

        assertThat(answer.definition().condition()).isEqualTo(new Condition.Score("churn",
                dev.segmentagent.segment.ComparisonOp.GTE, 0.5, null));
        assertThat(answer.assumptions()).anyMatch(a -> a.contains("0.5"));
    }

    @Test
    void given_active_customers_when_planned_then_it_asks_and_every_option_is_answerable() {
        Interpretation result = planner.interpret("active customers in Germany");

        assertThat(result).isInstanceOf(Clarification.class);
        Clarification question = (Clarification) result;
        assertThat(question.options()).hasSizeGreaterThanOrEqualTo(2);
        for (Interpretation.Option option : question.options()) {
            assertThat(option.request()).containsIgnoringCase("germany");
            assertThat(planner.interpret(option.request())).as(option.request()).isInstanceOf(Answer.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"what's the weather in Berlin tomorrow", "write me a poem about shoes",
            "delete all customers", "SELECT * FROM customers WHERE country = 'DE'", "customers named John",
            "customers who own a dog", "show me customers", "tell me a joke"})
    void given_an_out_of_scope_request_when_planned_then_it_declines_with_suggestions(String request) {
        Interpretation result = planner.interpret(request);

        assertThat(result).isInstanceOf(Declined.class);
        assertThat(((Declined) result).reason()).isNotBlank();
        assertThat(((Declined) result).suggestions()).isNotEmpty();
    }

    @Test
    void given_a_request_with_one_unknown_part_when_planned_then_nothing_is_silently_dropped() {
        Interpretation result = planner.interpret("customers in Germany who own a dog");

        assertThat(result).isInstanceOf(Declined.class);
        assertThat(((Declined) result).reason()).contains("dog");
    }

    @Test
    void given_a_window_the_catalog_lacks_for_a_rate_when_planned_then_it_declines_naming_the_windows_it_has() {
        Interpretation result = planner.interpret("customers with a return rate above 20% in the last 30 days");

        assertThat(result).isInstanceOf(Declined.class);
        assertThat(((Declined) result).reason()).contains("365");
    }

    @Test
    void given_a_dangling_window_when_planned_then_it_is_not_ignored() {
        Interpretation result = planner.interpret("customers in Germany in the last 30 days");

        assertThat(result).isNotInstanceOf(Answer.class);
    }

    private double percentile(String field, double q) throws Exception {
        try (var connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT CAST(quantile_disc(" + field + ", " + q
                     + ") AS DOUBLE) FROM customer_features")) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
