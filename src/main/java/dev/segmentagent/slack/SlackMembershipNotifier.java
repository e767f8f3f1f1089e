package dev.segmentagent.slack;

import dev.segmentagent.live.MembershipChange;
import dev.segmentagent.slack.SlackMessages.Message;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells subscribed channels who entered and left a segment, as one summary per segment and channel per batch
 * window: event ingestion updates memberships in many small runs, and a message per run would flood the channel.
 * The first change of a window schedules the flush; later ones in the window only add to the counts.
 */
@Singleton
@SlackEnabled
class SlackMembershipNotifier implements ApplicationEventListener<MembershipChange> {

    private static final Logger LOG = LoggerFactory.getLogger(SlackMembershipNotifier.class);

    private final SlackNotifications notifications;
    private final SlackWeb web;
    private final SlackSettings settings;
    private final Map<UUID, Batch> pending = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "slack-notify");
        thread.setDaemon(true);
        return thread;
    });

    /** Counts gathered for one subscription within the window. */
    private static final class Batch {
        final SlackNotificationRecord subscription;
        String segmentName;
        int version;
        long size;
        long entered;
        long exited;
        int runs;

        Batch(SlackNotificationRecord subscription) {
            this.subscription = subscription;
        }
    }

    SlackMembershipNotifier(SlackNotifications notifications, SlackWeb web, SlackSettings settings) {
        this.notifications = notifications;
        this.web = web;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(MembershipChange change) {
        if (!web.canCallApi()) {
            return;
        }
        for (SlackNotificationRecord subscription : notifications.active(change.segmentId())) {
            long entered = subscription.wants("entered") ? change.entered().length : 0;
            long exited = subscription.wants("exited") ? change.exited().length : 0;
            if (entered == 0 && exited == 0) {
                continue;
            }
            synchronized (pending) {
                Batch batch = pending.get(subscription.id());
                if (batch == null) {
                    batch = new Batch(subscription);
                    pending.put(subscription.id(), batch);
                    timer.schedule(() -> flush(subscription.id()), settings.notifyBatchWindow().toMillis(),
                            TimeUnit.MILLISECONDS);
                }
                batch.segmentName = change.segmentName();
                batch.version = change.version();
                batch.size = change.size();
                batch.entered += entered;
                batch.exited += exited;
                batch.runs++;
            }
        }
    }

    private void flush(UUID subscriptionId) {
        Batch batch;
        synchronized (pending) {
            batch = pending.remove(subscriptionId);
        }
        if (batch == null) {
            return;
        }
        Message message = SlackMessages.membershipSummary(batch.segmentName, batch.version, batch.size,
                batch.entered, batch.exited, batch.runs);
        try {
            web.postMessage(batch.subscription.channel(), null, message.text(), message.blocks());
        } catch (Exception e) {
            LOG.warn("slack notification for segment {} to {} failed: {}", batch.subscription.segmentId(),
                    batch.subscription.channel(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
