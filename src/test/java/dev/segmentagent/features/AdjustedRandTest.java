package dev.segmentagent.features;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Reference values from the literature and scikit-learn's adjusted_rand_score documentation. */
class AdjustedRandTest {

    @Test
    void identical_partitions_score_one_whatever_the_labels() {
        assertThat(AdjustedRand.index(new String[] {"a", "a", "b", "b", "c"}, new Integer[] {7, 7, 3, 3, 1}))
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void known_partitions_give_the_published_values() {
        assertThat(AdjustedRand.index(new Integer[] {0, 0, 1, 1}, new Integer[] {0, 0, 1, 2})).isCloseTo(0.5714285714, within(1e-9));
        assertThat(AdjustedRand.index(new Integer[] {0, 0, 1, 1}, new Integer[] {0, 1, 0, 1})).isCloseTo(-0.5, within(1e-12));
        assertThat(AdjustedRand.index(new Integer[] {0, 0, 0, 0}, new Integer[] {0, 1, 2, 3})).isCloseTo(0.0, within(1e-12));
    }
}
