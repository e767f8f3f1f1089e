package dev.segmentagent.slack;

import dev.segmentagent.api.ProblemException;
import dev.segmentagent.live.SegmentService;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Which Slack channels hear about which segment's entries and exits. */
@Singleton
@SlackEnabled
class SlackNotifications {

    private static final Set<String> CHANGES = Set.of("entered", "exited");
    /** A channel id (C…, G…) or a #name, as chat.postMessage accepts them. */
    private static final Pattern CHANNEL = Pattern.compile("#?[A-Za-z0-9._-]{1,80}");

    private final SlackNotificationRepository notifications;
    private final SegmentService segments;
    private final SlackSettings settings;
    private final Clock clock;

    SlackNotifications(SlackNotificationRepository notifications, SegmentService segments, SlackSettings settings,
                       Clock clock) {
        this.notifications = notifications;
        this.segments = segments;
        this.settings = settings;
        this.clock = clock;
    }

    SlackNotificationRecord register(UUID segmentId, String channel, List<String> events) {
        segments.get(segmentId, null); // 404 for an unknown segment
        String target = channel == null || channel.isBlank() ? settings.defaultChannel() : channel.strip();
        if (target == null || target.isBlank()) {
            throw ProblemException.badRequest("slack-channel-missing",
                    "Name a channel, or set segment.slack.default-channel (SLACK_DEFAULT_CHANNEL).");
        }
        if (!CHANNEL.matcher(target).matches()) {
            throw ProblemException.badRequest("slack-channel-invalid",
                    "channel must be a Slack channel id (C0123ABC) or #name");
        }
        List<String> wanted = events == null || events.isEmpty() ? List.of("entered", "exited") : events;
        if (!CHANGES.containsAll(wanted)) {
            throw ProblemException.badRequest("slack-events-invalid", "events may only be entered and exited");
        }
        if (!settings.hasBotToken()) {
            throw ProblemException.badRequest("slack-bot-token-missing",
                    "Channel notifications need segment.slack.bot-token (SLACK_BOT_TOKEN).");
        }
        return notifications.save(new SlackNotificationRecord(UUID.randomUUID(), segmentId, target,
                String.join(",", wanted), clock.instant(), true));
    }

    List<SlackNotificationRecord> list(UUID segmentId) {
        segments.get(segmentId, null);
        return notifications.findBySegmentIdOrderByCreatedAt(segmentId);
    }

    List<SlackNotificationRecord> active(UUID segmentId) {
        return notifications.findBySegmentIdAndActive(segmentId, true);
    }
}
