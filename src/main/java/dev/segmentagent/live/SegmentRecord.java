package dev.segmentagent.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A saved segment's identity and status; its content lives in immutable {@link SegmentVersionRecord}s. */
@MappedEntity("segment")
public record SegmentRecord(
        @Id UUID id,
        String name,
        @Nullable String description,
        int currentVersion,
        String status,
        Instant createdAt,
        Instant updatedAt,
        String createdBy,
        @Nullable Instant deletedAt) {

    public static final String ACTIVE = "active";
    public static final String DELETED = "deleted";

    public boolean isDeleted() {
        return DELETED.equals(status);
    }
}
