package dev.segmentagent.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** Who did what to which object, and when. Append-only. */
@MappedEntity("audit_entry")
public record AuditEntry(
        @Id UUID id,
        Instant at,
        String actor,
        String action,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable String detail) {
}
