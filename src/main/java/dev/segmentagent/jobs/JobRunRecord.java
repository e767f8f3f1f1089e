package dev.segmentagent.jobs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of job_run: one import or model training, its phase and how it ended. */
@MappedEntity("job_run")
public record JobRunRecord(
        @Id UUID id,
        String kind,
        String subject,
        String status,
        String phase,
        int percent,
        Instant queuedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Integer version,
        @Nullable String detailJson,
        @Nullable String error) {

    public static final String IMPORT = "import";
    public static final String TRAINING = "training";

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public boolean pending() {
        return status.equals(QUEUED) || status.equals(RUNNING);
    }

    JobRunRecord progressed(String newPhase, int newPercent, Instant started) {
        return new JobRunRecord(id, kind, subject, RUNNING, clip(newPhase, 200), newPercent, queuedAt, started, null,
                version, detailJson, null);
    }

    JobRunRecord succeeded(Instant at, Integer newVersion, String detail) {
        return new JobRunRecord(id, kind, subject, SUCCEEDED, "done", 100, queuedAt, startedAt, at, newVersion, detail,
                null);
    }

    JobRunRecord failed(Instant at, String reason) {
        return new JobRunRecord(id, kind, subject, FAILED, phase, percent, queuedAt, startedAt, at, version, detailJson,
                clip(reason == null ? "unknown error" : reason, 3900));
    }

    static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
