package dev.segmentagent.segment;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.testing.TestCatalog;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionValidatorTest {

    static final Catalog CATALOG = TestCatalog.catalog();
    static final ProfileLookup PROFILES = ProfileLookup.of(Map.of(
            "aov_365d", new FieldProfile(4.5, 812.4, 700L, 0.2),
            "age", new FieldProfile(18.0, 90.0, 70L, 0.1),
            "city", new FieldProfile(null, null, 7L, 0.0)));
    static final SegmentResolver SEGMENTS = SegmentResolver.of(Map.of(
            "vip", definition("{\"type\":\"compare\",\"field\":\"orders_90d\",\"op\":\">=\",\"value\":5}"),
            "a", definition("{\"type\":\"inSegment\",\"segment\":\"b\"}"),
            "b", definition("{\"type\":\"inSegment\",\"segment\":\"a\"}"),
            "uses_me", definition("{\"type\":\"inSegment\",\"segment\":\"me\"}")));

    final DefinitionValidator validator = new DefinitionValidator();

    @Test
    void accepts_a_valid_definition_without_issues() {
        ValidationResult result = validate(SegmentJsonTest.FULL.replace("\"seg-1\"", "\"vip\""));

        assertThat(result.issues()).isEmpty();
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void rejects_unknown_field_with_three_closest_suggestions() {
        ValidationIssue issue = only(validateCondition("{\"type\":\"compare\",\"field\":\"open_rate\",\"op\":\"<\",\"value\":0.1}"));

        assertThat(issue.code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(issue.severity()).isEqualTo(Severity.ERROR);
        assertThat(issue.path()).isEqualTo("$.condition.field");
        assertThat(issue.suggestions()).hasSize(3).first().isEqualTo("email_open_rate_30d");
        assertThat(issue.suggestions()).contains("email_click_rate_30d");
        assertThat(issue.message()).startsWith("there is no field 'open_rate'; the closest are email_open_rate_30d");
    }

    @Test
    void suggests_fields_by_synonym_and_explains_homoglyphs() {
        ValidationIssue bySynonym = only(validateCondition("{\"type\":\"compare\",\"field\":\"money_spent\",\"op\":\">\",\"value\":1}"));
        ValidationIssue homoglyph = only(validateCondition("{\"type\":\"compare\",\"field\":\"\u043erders_90d\",\"op\":\">\",\"value\":1}"));

        assertThat(bySynonym.suggestions().get(0)).isEqualTo("total_spend_365d");
        assertThat(homoglyph.suggestions().get(0)).isEqualTo("orders_90d");
        assertThat(homoglyph.message()).contains("non-ASCII character U+043E at position 0");
    }

    @Test
    void rejects_operators_that_do_not_fit_the_type() {
        assertCode("{\"type\":\"compare\",\"field\":\"loyalty_tier\",\"op\":\">\",\"value\":\"gold\"}", ValidationCode.OPERATOR_NOT_ALLOWED, "$.condition.op");
        assertCode("{\"type\":\"compare\",\"field\":\"email_consent\",\"op\":\"<\",\"value\":true}", ValidationCode.OPERATOR_NOT_ALLOWED, "$.condition.op");
        assertCode("{\"type\":\"compare\",\"field\":\"orders_90d\",\"op\":\"contains\",\"value\":\"1\"}", ValidationCode.OPERATOR_NOT_ALLOWED, "$.condition.op");
        assertCode("{\"type\":\"between\",\"field\":\"city\",\"low\":\"a\",\"high\":\"b\"}", ValidationCode.OPERATOR_NOT_ALLOWED, "$.condition");
        assertCode("{\"type\":\"event\",\"event\":\"purchase\",\"where\":[{\"property\":\"channel\",\"op\":\">\",\"value\":\"web\"}]}",
                ValidationCode.OPERATOR_NOT_ALLOWED, "$.condition.where[0].op");
    }

    @Test
    void rejects_values_of_the_wrong_type_with_a_fix() {
        ValidationIssue text = assertCode("{\"type\":\"compare\",\"field\":\"aov_365d\",\"op\":\">\",\"value\":\"80\"}",
                ValidationCode.VALUE_TYPE_MISMATCH, "$.condition.value");
        assertCode("{\"type\":\"compare\",\"field\":\"signup_date\",\"op\":\">\",\"value\":\"31/03/2024\"}", ValidationCode.VALUE_TYPE_MISMATCH, "$.condition.value");
        assertCode("{\"type\":\"compare\",\"field\":\"last_order_at\",\"op\":\">\",\"value\":20240101}", ValidationCode.VALUE_TYPE_MISMATCH, "$.condition.value");
        assertCode("{\"type\":\"in\",\"field\":\"age\",\"values\":[30,\"forty\"]}", ValidationCode.VALUE_TYPE_MISMATCH, "$.condition.values[1]");

        assertThat(text.message()).isEqualTo("aov_365d is a numeric field: expected a number, got the text \"80\" (write it without quotes)");
        assertThat(text.suggestions()).containsExactly("80");
    }

    @Test
    void rejects_enum_values_outside_the_domain_naming_allowed_values() {
        ValidationIssue issue = assertCode("{\"type\":\"compare\",\"field\":\"loyalty_tier\",\"op\":\"=\",\"value\":\"Gold\"}",
                ValidationCode.VALUE_NOT_IN_DOMAIN, "$.condition.value");
        assertCode("{\"type\":\"event\",\"event\":\"purchased_item\",\"where\":[{\"property\":\"category\",\"op\":\"in\",\"values\":[\"shoes\",\"shoe\"]}]}",
                ValidationCode.VALUE_NOT_IN_DOMAIN, "$.condition.where[0].values[1]");

        assertThat(issue.message()).isEqualTo("'Gold' is not a value of loyalty_tier; allowed: none, silver, gold, platinum");
        assertThat(issue.suggestions()).first().isEqualTo("gold");
    }

    @Test
    void warns_when_a_threshold_is_beyond_the_profiled_range() {
        ValidationIssue above = assertCode("{\"type\":\"compare\",\"field\":\"aov_365d\",\"op\":\">\",\"value\":900}",
                ValidationCode.THRESHOLD_OUTSIDE_RANGE, "$.condition.value");
        ValidationIssue ratio = assertCode("{\"type\":\"compare\",\"field\":\"email_open_rate_30d\",\"op\":\">=\",\"value\":10}",
                ValidationCode.THRESHOLD_OUTSIDE_RANGE, "$.condition.value");

        assertThat(above.severity()).isEqualTo(Severity.WARNING);
        assertThat(above.message()).isEqualTo("no customer has aov_365d above 900.00; the highest is 812.40");
        assertThat(ratio.message()).contains("ratios are fractions: 10% is 0.1");
    }

    @Test
    void rejects_between_with_low_above_high() {
        assertCode("{\"type\":\"between\",\"field\":\"age\",\"low\":40,\"high\":30}", ValidationCode.INVALID_RANGE, "$.condition");
        assertCode("{\"type\":\"between\",\"field\":\"signup_date\",\"low\":\"2025-02-01\",\"high\":\"2025-01-01\"}", ValidationCode.INVALID_RANGE, "$.condition");
    }

    @Test
    void rejects_deprecated_field_naming_the_replacement() {
        ValidationIssue issue = assertCode("{\"type\":\"compare\",\"field\":\"orders_total_old\",\"op\":\">\",\"value\":1}",
                ValidationCode.DEPRECATED_FIELD, "$.condition.field");

        assertThat(issue.severity()).isEqualTo(Severity.ERROR);
        assertThat(issue.message()).isEqualTo("orders_total_old is deprecated; use orders_365d instead");
        assertThat(issue.suggestions()).containsExactly("orders_365d");
    }

    @Test
    void rejects_pii_fields_that_conditions_may_not_test_but_allows_permitted_ones() {
        assertCode("{\"type\":\"compare\",\"field\":\"email\",\"op\":\"contains\",\"value\":\"@gmail\"}", ValidationCode.PII_NOT_ALLOWED, "$.condition.field");
        assertThat(validateCondition("{\"type\":\"in\",\"field\":\"country\",\"values\":[\"DE\"]}").issues()).isEmpty();
    }

    @Test
    void rejects_empty_groups_and_empty_definitions() {
        assertCode("{\"type\":\"and\",\"conditions\":[{\"type\":\"or\",\"conditions\":[]}]}", ValidationCode.EMPTY_GROUP, "$.condition.conditions[0].conditions");
        ValidationResult empty = validator.validate(new SegmentDefinition("draft", null, null), context());

        assertThat(only(empty).code()).isEqualTo("EMPTY_DEFINITION");
    }

    @Test
    void warns_about_always_true_and_always_false_patterns() {
        String x = "{\"type\":\"compare\",\"field\":\"age\",\"op\":\">\",\"value\":30}";
        assertCode("{\"type\":\"or\",\"conditions\":[" + x + ",{\"type\":\"not\",\"condition\":" + x + "}]}", ValidationCode.ALWAYS_TRUE, "$.condition");
        assertCode("{\"type\":\"and\",\"conditions\":[" + x + ",{\"type\":\"not\",\"condition\":" + x + "}]}", ValidationCode.ALWAYS_FALSE, "$.condition");
        assertCode("{\"type\":\"isNull\",\"field\":\"orders_90d\"}", ValidationCode.ALWAYS_FALSE, "$.condition");
        assertCode("{\"type\":\"isNull\",\"field\":\"city\"}", ValidationCode.ALWAYS_FALSE, "$.condition");
        assertCode("{\"type\":\"between\",\"field\":\"age\",\"low\":0,\"high\":120}", ValidationCode.ALWAYS_TRUE, "$.condition");
        assertCode("{\"type\":\"event\",\"event\":\"purchase\",\"count\":{\"op\":\"=\",\"value\":0}}", ValidationCode.ALWAYS_FALSE, "$.condition.count");
    }

    @Test
    void checks_events_properties_measures_windows_and_counts() {
        ValidationIssue event = assertCode("{\"type\":\"event\",\"event\":\"purchased\"}", ValidationCode.UNKNOWN_EVENT, "$.condition.event");
        assertCode("{\"type\":\"event\",\"event\":\"purchase\",\"where\":[{\"property\":\"category\",\"op\":\"=\",\"value\":\"shoes\"}]}",
                ValidationCode.UNKNOWN_PROPERTY, "$.condition.where[0].property");
        assertCode("{\"type\":\"event\",\"event\":\"purchase\",\"sum\":{\"measure\":\"revenue\",\"op\":\">\",\"value\":10}}",
                ValidationCode.UNKNOWN_MEASURE, "$.condition.sum.measure");
        assertCode("{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"lastDays\":0}}", ValidationCode.INVALID_WINDOW, "$.condition.window.lastDays");
        assertCode("{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"lastDays\":3651}}", ValidationCode.INVALID_WINDOW, "$.condition.window.lastDays");
        assertCode("{\"type\":\"event\",\"event\":\"purchase\",\"window\":{\"from\":\"2025-03-01\",\"to\":\"2025-03-01\"}}", ValidationCode.INVALID_WINDOW, "$.condition.window");
        assertCode("{\"type\":\"event\",\"event\":\"purchase\",\"count\":{\"op\":\">=\",\"value\":-1}}", ValidationCode.INVALID_THRESHOLD, "$.condition.count.value");

        assertThat(event.suggestions()).contains("purchase", "purchased_item");
    }

    @Test
    void allows_did_false_with_thresholds() {
        assertThat(validateCondition("{\"type\":\"event\",\"event\":\"purchase\",\"did\":false,\"window\":{\"lastDays\":30},"
                + "\"count\":{\"op\":\">=\",\"value\":3},\"sum\":{\"measure\":\"amount\",\"op\":\">\",\"value\":100}}").issues()).isEmpty();
    }

    @Test
    void checks_score_and_cluster_models() {
        ValidationIssue model = assertCode("{\"type\":\"score\",\"model\":\"churn_risk\",\"op\":\">\",\"value\":0.5}", ValidationCode.UNKNOWN_MODEL, "$.condition.model");
        assertCode("{\"type\":\"score\",\"model\":\"behaviour\",\"op\":\">\",\"value\":0.5}", ValidationCode.MODEL_KIND_MISMATCH, "$.condition.model");
        assertCode("{\"type\":\"cluster\",\"model\":\"churn\",\"cluster\":\"x\"}", ValidationCode.MODEL_KIND_MISMATCH, "$.condition.model");
        assertCode("{\"type\":\"cluster\",\"model\":\"personas\",\"cluster\":\"x\"}", ValidationCode.UNKNOWN_MODEL, "$.condition.model");
        ValidationIssue range = assertCode("{\"type\":\"score\",\"model\":\"churn\",\"op\":\">=\",\"value\":70}", ValidationCode.SCORE_OUT_OF_RANGE, "$.condition.value");
        ValidationIssue tier = assertCode("{\"type\":\"score\",\"model\":\"churn\",\"tier\":\"High\"}", ValidationCode.UNKNOWN_TIER, "$.condition.tier");

        assertThat(model.suggestions()).first().isEqualTo("churn");
        assertThat(range.message()).contains("write 0.7");
        assertThat(tier.suggestions()).first().isEqualTo("high");
    }

    @Test
    void checks_cluster_names_against_the_trained_model() {
        ClusterNames trained = ClusterNames.of(Map.of("behaviour", List.of("Weekend discount hunters", "Loyal regulars")));
        ValidationContext context = new ValidationContext(CATALOG, PROFILES, SEGMENTS, null, trained);

        ValidationResult known = validator.validate(definition(
                "{\"type\":\"cluster\",\"model\":\"behaviour\",\"cluster\":\"Loyal regulars\"}"), context);
        ValidationIssue misspelt = only(validator.validate(definition(
                "{\"type\":\"cluster\",\"model\":\"behaviour\",\"cluster\":\"weekend discount hunters\"}"), context));
        ValidationIssue untrained = only(validator.validate(definition(
                "{\"type\":\"cluster\",\"model\":\"behaviour\",\"cluster\":\"Loyal regulars\"}"),
                new ValidationContext(CATALOG, PROFILES, SEGMENTS, null, ClusterNames.of(Map.of("behaviour", List.of())))));

        assertThat(known.issues()).isEmpty();
        assertThat(misspelt.code()).isEqualTo("UNKNOWN_CLUSTER");
        assertThat(misspelt.path()).isEqualTo("$.condition.cluster");
        assertThat(misspelt.suggestions()).first().isEqualTo("Weekend discount hunters");
        assertThat(misspelt.message()).contains("its clusters are Weekend discount hunters, Loyal regulars");
        assertThat(untrained.code()).isEqualTo("ALWAYS_FALSE");
        assertThat(untrained.severity()).isEqualTo(Severity.WARNING);
        assertThat(untrained.message()).contains("not been trained");
    }

    @Test
    void rejects_unknown_segments_and_cycles() {
        assertCode("{\"type\":\"inSegment\",\"segment\":\"nope\"}", ValidationCode.UNKNOWN_SEGMENT, "$.condition.segment");
        ValidationIssue cycle = assertCode("{\"type\":\"inSegment\",\"segment\":\"a\"}", ValidationCode.SEGMENT_CYCLE, "$.condition.segment");
        ValidationResult self = validator.validate(definition("{\"type\":\"inSegment\",\"segment\":\"uses_me\"}"),
                new ValidationContext(CATALOG, PROFILES, SEGMENTS, "me"));

        assertThat(cycle.message()).isEqualTo("segments refer to each other in a cycle: a uses b uses a");
        assertThat(only(self).message()).isEqualTo("segments refer to each other in a cycle: me uses uses_me uses me");
    }

    @Test
    void reports_all_issues_at_once_in_walk_order() {
        ValidationResult result = validateCondition("{\"type\":\"and\",\"conditions\":["
                + "{\"type\":\"compare\",\"field\":\"nope\",\"op\":\"=\",\"value\":1},"
                + "{\"type\":\"compare\",\"field\":\"loyalty_tier\",\"op\":\"=\",\"value\":\"diamond\"},"
                + "{\"type\":\"score\",\"model\":\"churn\",\"op\":\">\",\"value\":2}]}");

        assertThat(result.issues()).extracting(ValidationIssue::path)
                .containsExactly("$.condition.conditions[0].field", "$.condition.conditions[1].value", "$.condition.conditions[2].value");
    }

    @Test
    void every_validation_code_has_a_description() {
        assertThat(Arrays.stream(ValidationCode.values()).map(ValidationCode::description))
                .allSatisfy(d -> assertThat(d).isNotBlank());
    }

    ValidationIssue assertCode(String condition, ValidationCode code, String path) {
        ValidationResult result = validateCondition(condition);
        List<ValidationIssue> matching = result.issues().stream().filter(i -> i.code().equals(code.name())).toList();
        assertThat(matching).as("issues of %s: %s", condition, result.issues()).hasSize(1);
        assertThat(matching.get(0).path()).isEqualTo(path);
        assertThat(matching.get(0).severity()).isEqualTo(code.severity());
        return matching.get(0);
    }

    static ValidationIssue only(ValidationResult result) {
        assertThat(result.issues()).hasSize(1);
        return result.issues().get(0);
    }

    ValidationResult validateCondition(String condition) {
        return validator.validate(definition(condition), context());
    }

    ValidationResult validate(String json) {
        return validator.validate(SegmentJson.parse(json), context());
    }

    static ValidationContext context() {
        return new ValidationContext(CATALOG, PROFILES, SEGMENTS, null);
    }

    static SegmentDefinition definition(String condition) {
        return SegmentJson.parse(SegmentJsonTest.def(condition));
    }
}
