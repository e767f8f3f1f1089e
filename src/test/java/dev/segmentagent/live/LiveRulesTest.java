package dev.segmentagent.live;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The small rules live segments rest on: when a refresh is due, the holdout draw, the membership diff. */
class LiveRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void a_segment_is_due_when_its_own_interval_or_else_the_global_one_has_passed_since_its_last_run() {
        Duration global = Duration.ofMinutes(15);
        assertThat(RefreshSchedule.due(null, null, global, NOW)).as("never run").isTrue();
        assertThat(RefreshSchedule.due(NOW.minusSeconds(14 * 60), null, global, NOW)).isFalse();
        assertThat(RefreshSchedule.due(NOW.minusSeconds(15 * 60), null, global, NOW)).isTrue();
        assertThat(RefreshSchedule.due(NOW.minusSeconds(60), 30, global, NOW)).as("own 30 s interval").isTrue();
        assertThat(RefreshSchedule.due(NOW.minusSeconds(20 * 60), 3600, global, NOW)).as("own hour").isFalse();
    }

    @Test
    void the_holdout_is_stable_close_to_its_share_and_drawn_independently_per_segment() {
        UUID one = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID two = UUID.fromString("00000000-0000-0000-0000-000000000002");
        long heldInOne = LongStream.range(0, 20_000).filter(c -> Holdout.heldOut(one, c, 10)).count();
        long heldInBoth = LongStream.range(0, 20_000).filter(c -> Holdout.heldOut(one, c, 10) && Holdout.heldOut(two, c, 10)).count();

        assertThat(heldInOne).isBetween(1_800L, 2_200L);
        assertThat(heldInBoth).as("independent draws overlap about 1%").isBetween(120L, 280L);
        assertThat(LongStream.range(0, 1_000).allMatch(c -> Holdout.heldOut(one, c, 10) == Holdout.heldOut(one, c, 10))).isTrue();
        // a larger holdout contains the smaller one: raising the share never releases a control customer
        assertThat(LongStream.range(0, 5_000).filter(c -> Holdout.heldOut(one, c, 5)).allMatch(c -> Holdout.heldOut(one, c, 20))).isTrue();
        assertThat(LongStream.range(0, 1_000).noneMatch(c -> Holdout.heldOut(one, c, 0))).isTrue();
    }

    @Test
    void the_diff_of_sorted_member_sets_lists_who_entered_and_who_left() {
        long[] old = {1, 3, 5, 7};
        long[] now = {2, 3, 7, 8, 9};
        assertThat(MembershipTable.minus(now, old)).containsExactly(2, 8, 9);
        assertThat(MembershipTable.minus(old, now)).containsExactly(1, 5);
        assertThat(MembershipTable.minus(new long[0], old)).isEmpty();
        assertThat(MembershipTable.minus(old, new long[0])).containsExactly(old);
    }
}
