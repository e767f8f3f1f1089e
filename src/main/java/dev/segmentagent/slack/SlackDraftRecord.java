package dev.segmentagent.slack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A draft answered in Slack, waiting for its "Save segment" click; {@code savedSegment} once saved. */
@MappedEntity("slack_draft")
record SlackDraftRecord(@Id UUID id, String name, @Nullable String description, String definition,
                        @Nullable String sourceRequest, String createdBy, Instant createdAt,
                        @Nullable UUID savedSegment) {

    SlackDraftRecord withSavedSegment(UUID segmentId) {
        return new SlackDraftRecord(id, name, description, definition, sourceRequest, createdBy, createdAt, segmentId);
    }
}
