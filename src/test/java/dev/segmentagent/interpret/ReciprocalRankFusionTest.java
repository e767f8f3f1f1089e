package dev.segmentagent.interpret;

import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReciprocalRankFusionTest {

    private static List<ScoredField> ranking(String... names) {
        return Arrays.stream(names).map(name -> new ScoredField(new FieldSpec(name, "g", FieldType.INTEGER, null,
                name, null, null, false, false, null, null, null, null, null), 0)).toList();
    }

    @Test
    void field_both_rankers_place_second_beats_field_one_ranker_places_first() {
        List<ScoredField> fused = ReciprocalRankFusion.fuse(3, List.of(ranking("a", "both"), ranking("b", "both")));

        assertThat(fused).extracting(ScoredField::name).containsExactly("both", "a", "b");
        assertThat(fused.get(0).score()).isCloseTo(2.0 / 62, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
    }

    @Test
    void equal_scores_keep_the_order_of_first_appearance_and_limit_applies() {
        List<ScoredField> fused = ReciprocalRankFusion.fuse(2, List.of(ranking("x", "y"), ranking("y", "x"), ranking("z")));

        assertThat(fused).extracting(ScoredField::name).containsExactly("x", "y");
    }
}
