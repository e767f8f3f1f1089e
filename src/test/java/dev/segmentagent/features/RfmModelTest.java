package dev.segmentagent.features;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.segment.DefinitionValidator;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.ValidationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RfmModelTest {

    @Test
    void classic_segments_follow_recency_and_value() {
        assertThat(RfmModel.segment(5, 5, 5)).isEqualTo("champions");
        assertThat(RfmModel.segment(3, 4, 3)).isEqualTo("loyal");
        assertThat(RfmModel.segment(5, 1, 1)).isEqualTo("new");
        assertThat(RfmModel.segment(4, 2, 2)).isEqualTo("potential_loyalist");
        assertThat(RfmModel.segment(1, 5, 5)).isEqualTo("cant_lose");
        assertThat(RfmModel.segment(2, 4, 3)).isEqualTo("at_risk");
        assertThat(RfmModel.segment(2, 1, 2)).isEqualTo("hibernating");
        assertThat(RfmModel.segment(1, 1, 1)).isEqualTo("lost");
    }

    @Test
    void equal_values_get_equal_scores_and_the_sum_lies_between_3_and_15() {
        double[] recency = {1, 5, 10, 30, 60, 90, 200, 400, 500, 700};
        double[] orders = {1, 1, 1, 1, 1, 2, 3, 5, 8, 13};
        double[] revenue = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        RfmModel model = RfmModel.fit(recency, orders, revenue);
        assertThat(model.score(1, 1, 10).f()).isEqualTo(model.score(400, 1, 90).f());
        RfmModel.Score best = model.score(0, 50, 1000);
        RfmModel.Score worst = model.score(1000, 0, 0);
        assertThat(best.total()).isEqualTo(15);
        assertThat(best.segment()).isEqualTo("champions");
        assertThat(worst.total()).isEqualTo(3);
        assertThat(worst.segment()).isEqualTo("lost");
    }

    @Test
    void a_score_condition_on_rfm_accepts_its_own_range_and_churn_stays_a_probability() {
        Catalog catalog = DemoModels.catalog();
        DefinitionValidator validator = new DefinitionValidator();
        assertThat(validator.validate(SegmentJson.parse("""
                {"condition": {"type": "score", "model": "rfm", "op": ">=", "value": 12}}"""), ValidationContext.of(catalog))
                .isValid()).isTrue();
        assertThat(validator.validate(SegmentJson.parse("""
                {"condition": {"type": "score", "model": "rfm", "op": ">=", "value": 16}}"""), ValidationContext.of(catalog))
                .errors()).anySatisfy(issue -> assertThat(issue.message()).contains("between 3 and 15"));
        assertThat(validator.validate(SegmentJson.parse("""
                {"condition": {"type": "score", "model": "churn", "op": ">=", "value": 1.5}}"""), ValidationContext.of(catalog))
                .errors()).anySatisfy(issue -> assertThat(issue.message()).contains("probabilities"));
    }
}
