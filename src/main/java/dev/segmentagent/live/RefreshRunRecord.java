package dev.segmentagent.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One evaluation of a segment (full refresh, or an incremental one after events) and its outcome. */
@MappedEntity("refresh_run")
public record RefreshRunRecord(
        @Id UUID id,
        UUID segmentId,
        int version,
        String triggerKind,
        String status,
        @Nullable Instant asOf,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long members,
        @Nullable Long entered,
        @Nullable Long exited,
        @Nullable String error) {

    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    RefreshRunRecord succeeded(Instant at, long size, long in, long out) {
        return new RefreshRunRecord(id, segmentId, version, triggerKind, SUCCEEDED, asOf, startedAt, at, size, in, out,
                null);
    }

    RefreshRunRecord failed(Instant at, String reason) {
        String cut = reason == null ? "unknown error" : reason.length() > 3900 ? reason.substring(0, 3900) : reason;
        return new RefreshRunRecord(id, segmentId, version, triggerKind, FAILED, asOf, startedAt, at, null, null, null,
                cut);
    }
}
