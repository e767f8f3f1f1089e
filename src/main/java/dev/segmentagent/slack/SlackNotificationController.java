package dev.segmentagent.slack;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/segments/{id}/slack-notifications {"channel": "#crm", "events": ["entered","exited"]}}: a
 * channel gets a summary message whenever the segment's members change. Under /api, so API keys apply (admin,
 * like webhooks).
 */
@Controller("/api/segments")
@SlackEnabled
@ExecuteOn(TaskExecutors.BLOCKING)
class SlackNotificationController {

    private final SlackNotifications notifications;

    SlackNotificationController(SlackNotifications notifications) {
        this.notifications = notifications;
    }

    /** @param channel a channel id or #name; absent: segment.slack.default-channel */
    @Introspected
    record NotificationRequest(@Nullable String channel, @Nullable List<String> events) {}

    @Post("/{id}/slack-notifications")
    HttpResponse<SlackNotificationRecord> register(UUID id, @Body NotificationRequest request) {
        SlackNotificationRecord created = notifications.register(id, request.channel(), request.events());
        return HttpResponse.created(created, URI.create("/api/segments/" + id + "/slack-notifications"));
    }

    @Get("/{id}/slack-notifications")
    List<SlackNotificationRecord> list(UUID id) {
        return notifications.list(id);
    }
}
