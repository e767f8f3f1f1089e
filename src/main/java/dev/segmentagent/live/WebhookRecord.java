package dev.segmentagent.live;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A URL told about a segment's entries and exits; payloads are signed with the secret. */
@MappedEntity("webhook")
public record WebhookRecord(@Id UUID id, UUID segmentId, String url, String secret, String events, Instant createdAt,
                            boolean active) {

    boolean wants(String change) {
        return java.util.Arrays.asList(events.split(",")).contains(change);
    }
}
