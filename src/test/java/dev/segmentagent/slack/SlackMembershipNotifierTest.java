package dev.segmentagent.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.segmentagent.live.MembershipChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batching: the changes of one segment within the window become one message per subscribed channel, with the
 * counts each channel asked for; changes a channel did not ask for send nothing.
 */
class SlackMembershipNotifierTest {

    record Post(String channel, String text) {}

    private static final UUID SEGMENT = UUID.randomUUID();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final SlackSettings settings = new SlackSettings(true, "secret", "xoxb-token", "http://127.0.0.1:9/api",
            null, Duration.ofMillis(300));

    private final SlackWeb web = new SlackWeb(settings) {
        @Override
        void postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks) {
            posts.add(new Post(channel, text));
        }
    };

    private SlackNotifications subscriptions(SlackNotificationRecord... records) {
        return new SlackNotifications(null, null, settings, null) {
            @Override
            List<SlackNotificationRecord> active(UUID segmentId) {
                return segmentId.equals(SEGMENT) ? List.of(records) : List.of();
            }
        };
    }

    @Test
    void changes_within_the_window_become_one_summary_per_channel() throws Exception {
        SlackMembershipNotifier notifier = new SlackMembershipNotifier(subscriptions(
                new SlackNotificationRecord(UUID.randomUUID(), SEGMENT, "C0ALL", "entered,exited", Instant.now(), true),
                new SlackNotificationRecord(UUID.randomUUID(), SEGMENT, "C0EXITS", "exited", Instant.now(), true)),
                web, settings);
        try {
            notifier.onApplicationEvent(change(2, new long[]{1, 2, 3}, new long[]{9}, 100));
            notifier.onApplicationEvent(change(2, new long[]{4}, new long[0], 101));
            notifier.onApplicationEvent(change(2, new long[]{5, 6}, new long[0], 103));

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (posts.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(400); // a further window: nothing else may arrive
            assertThat(posts).hasSize(2);
            assertThat(posts).filteredOn(p -> p.channel().equals("C0ALL")).singleElement().satisfies(p ->
                    assertThat(p.text()).contains("6 entered, 1 exited over 3 updates").contains("now 103 members"));
            // the exits-only channel heard about the one run that had exits, and nothing about entries
            assertThat(posts).filteredOn(p -> p.channel().equals("C0EXITS")).singleElement().satisfies(p ->
                    assertThat(p.text()).contains("0 entered, 1 exited;").contains("now 100 members"));
        } finally {
            notifier.stop();
        }
    }

    @Test
    void a_change_nobody_asked_for_sends_nothing() throws Exception {
        SlackMembershipNotifier notifier = new SlackMembershipNotifier(subscriptions(
                new SlackNotificationRecord(UUID.randomUUID(), SEGMENT, "C0EXITS", "exited", Instant.now(), true)),
                web, settings);
        try {
            notifier.onApplicationEvent(change(1, new long[]{1, 2}, new long[0], 2));
            notifier.onApplicationEvent(new MembershipChange(UUID.randomUUID(), "other", 1, UUID.randomUUID(), "save",
                    Instant.now(), new long[]{1}, new long[]{2}, 1));
            Thread.sleep(700);
            assertThat(posts).isEmpty();
        } finally {
            notifier.stop();
        }
    }

    private static MembershipChange change(int version, long[] entered, long[] exited, long size) {
        return new MembershipChange(SEGMENT, "VIP", version, UUID.randomUUID(), "event", Instant.now(), entered, exited,
                size);
    }
}
