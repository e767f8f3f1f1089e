package dev.segmentagent.slack;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** A Slack channel told about a segment's entries and/or exits. */
@MappedEntity("slack_notification")
public record SlackNotificationRecord(@Id UUID id, UUID segmentId, String channel, String events, Instant createdAt,
                                      boolean active) {

    boolean wants(String change) {
        return Arrays.asList(events.split(",")).contains(change);
    }
}
