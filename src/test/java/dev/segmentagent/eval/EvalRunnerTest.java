package dev.segmentagent.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The eval's scoring: member-set match, Jaccard, clarify/decline correctness, percentiles, case format. */
class EvalRunnerTest {

    @Test
    void given_identical_member_sets_then_exact_match_and_jaccard_one() {
        assertThat(Scoring.exactMatch(Set.of(1L, 2L, 3L), Set.of(3L, 2L, 1L))).isTrue();
        assertThat(Scoring.jaccard(Set.of(1L, 2L, 3L), Set.of(1L, 2L, 3L))).isEqualTo(1.0);
    }

    @Test
    void given_overlapping_sets_then_no_exact_match_and_jaccard_is_intersection_over_union() {
        assertThat(Scoring.exactMatch(Set.of(1L, 2L, 3L), Set.of(2L, 3L, 4L))).isFalse();
        assertThat(Scoring.jaccard(Set.of(1L, 2L, 3L), Set.of(2L, 3L, 4L))).isCloseTo(0.5, within(1e-12));
        assertThat(Scoring.jaccard(Set.of(1L), Set.of(2L))).isZero();
        assertThat(Scoring.jaccard(Set.of(), Set.of())).isEqualTo(1.0);
    }

    @Test
    void given_expected_clarify_or_decline_then_only_that_behaviour_is_correct() {
        assertThat(Scoring.behaviourCorrect(EvalCase.Expected.CLARIFY, "clarification")).isTrue();
        assertThat(Scoring.behaviourCorrect(EvalCase.Expected.CLARIFY, "declined")).isFalse();
        assertThat(Scoring.behaviourCorrect(EvalCase.Expected.CLARIFY, "answer")).isFalse();
        assertThat(Scoring.behaviourCorrect(EvalCase.Expected.DECLINE, "declined")).isTrue();
        assertThat(Scoring.behaviourCorrect(EvalCase.Expected.DECLINE, "clarification")).isFalse();
    }

    @Test
    void given_latencies_then_nearest_rank_percentiles() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 100};
        assertThat(Scoring.percentile(sorted, 50)).isEqualTo(5);
        assertThat(Scoring.percentile(sorted, 95)).isEqualTo(100);
        assertThat(Scoring.percentile(new long[0], 50)).isZero();
    }

    @Test
    void given_case_lines_then_gold_kinds_parse_and_a_case_without_gold_is_refused() throws Exception {
        ObjectMapper json = new ObjectMapper();
        EvalCase sql = EvalCase.parse(json.readTree("{\"id\":\"a\",\"request\":\"r\",\"tags\":[\"x\"],"
                + "\"gold_sql\":\"SELECT 1\"}"));
        EvalCase clarify = EvalCase.parse(json.readTree("{\"id\":\"b\",\"request\":\"r\",\"expected\":\"clarify\"}"));
        EvalCase definition = EvalCase.parse(json.readTree("{\"id\":\"c\",\"request\":\"r\",\"expected_definition\":"
                + "{\"condition\":{\"type\":\"isNull\",\"field\":\"age\"}}}"));

        assertThat(sql.answerable()).isTrue();
        assertThat(sql.tagged("x")).isTrue();
        assertThat(clarify.expected()).isEqualTo(EvalCase.Expected.CLARIFY);
        assertThat(definition.expectedDefinition()).isNotNull();
        assertThatThrownBy(() -> EvalCase.parse(json.readTree("{\"id\":\"d\",\"request\":\"r\"}")))
                .hasMessageContaining("gold_sql");
        assertThatThrownBy(() -> EvalCase.parse(json.readTree("{\"id\":\"e\",\"request\":\"r\",\"expected\":\"maybe\"}")))
                .hasMessageContaining("clarify or decline");
    }

    @Test
    void given_results_then_empty_gold_is_not_scored_and_rates_split_answers_from_behaviour() {
        List<CaseResult> results = List.of(
                result("1", "answer", true, 10L, List.of()),
                result("2", "answer", false, 10L, List.of()),
                result("3", "answer", true, 0L, List.of("needs-models")),
                result("4", "clarify", true, null, List.of()),
                result("5", "decline", false, null, List.of("heldout")));

        EvalReport report = EvalReport.of("test", 100, Instant.EPOCH, results);

        assertThat(report.all().notScorable()).isEqualTo(1);
        assertThat(report.all().answerable()).isEqualTo(2);
        assertThat(report.all().exactRate()).isEqualTo(0.5);
        assertThat(report.all().behaviourRate()).isEqualTo(0.5);
        assertThat(report.heldout().behaviourCases()).isEqualTo(1);
        assertThat(report.toMarkdown()).contains("| 1 | ").contains("**no**");
    }

    private static CaseResult result(String id, String expected, boolean correct, Long goldCount, List<String> tags) {
        return new CaseResult(id, "request " + id, tags, expected, expected.equals("answer") ? "answer" : "declined",
                correct, expected.equals("answer") ? (correct ? 1.0 : 0.2) : null, goldCount, goldCount, List.of(),
                List.of(), List.of(), null, null, null, 3, 0);
    }
}
