package dev.segmentagent.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A segment's live settings: refresh interval override, campaign eligibility and priority, holdout share. */
@MappedEntity("segment_live")
public record LiveSettingsRecord(
        @Id UUID segmentId,
        @Nullable Integer refreshIntervalSeconds,
        boolean campaignEligible,
        int priority,
        double holdoutPercent,
        Instant updatedAt) {

    static LiveSettingsRecord defaults(UUID segmentId) {
        return new LiveSettingsRecord(segmentId, null, false, 0, 0.0, Instant.EPOCH);
    }
}
