package dev.segmentagent.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One immutable version of a segment's definition, as canonical JSON. */
@MappedEntity("segment_version")
public record SegmentVersionRecord(
        @Id UUID id,
        UUID segmentId,
        int version,
        String definitionJson,
        @Nullable String explanation,
        @Nullable String sourceRequest,
        Instant createdAt,
        String createdBy) {
}
