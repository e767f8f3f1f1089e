package dev.segmentagent.live;

import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** refresh_run rows: opened as running, closed as succeeded (with counts) or failed (with the reason). */
@Singleton
class RunLog {

    private final RefreshRunRepository runs;
    private final Clock clock;

    RunLog(RefreshRunRepository runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    RefreshRunRecord open(UUID segmentId, int version, String trigger, Instant asOf) {
        return runs.save(new RefreshRunRecord(UUID.randomUUID(), segmentId, version, trigger,
                RefreshRunRecord.RUNNING, asOf, clock.instant(), null, null, null, null, null));
    }

    /** Records a run that is already over (an incremental update, logged only when it changed something). */
    RefreshRunRecord completed(UUID runId, LiveSegment segment, String trigger, Instant asOf, Instant started,
                               MembershipTable.Diff diff) {
        return runs.save(new RefreshRunRecord(runId, segment.id(), segment.version(), trigger,
                RefreshRunRecord.SUCCEEDED, asOf, started, clock.instant(), diff.size(), (long) diff.entered().length,
                (long) diff.exited().length, null));
    }

    RefreshRunRecord succeeded(RefreshRunRecord run, MembershipTable.Diff diff) {
        return runs.update(run.succeeded(clock.instant(), diff.size(), diff.entered().length, diff.exited().length));
    }

    RefreshRunRecord failed(RefreshRunRecord run, String reason) {
        return runs.update(run.failed(clock.instant(), reason));
    }

    List<RefreshRunRecord> recent(UUID segmentId, int limit) {
        return runs.findBySegmentIdOrderByStartedAtDesc(segmentId, Pageable.from(0, limit));
    }

    Optional<RefreshRunRecord> latest(UUID segmentId) {
        return runs.findFirstBySegmentIdOrderByStartedAtDesc(segmentId);
    }

    /** The latest full evaluation (event updates touch a few customers and do not count as a refresh). */
    Optional<RefreshRunRecord> latestFull(UUID segmentId) {
        return runs.findFirstBySegmentIdAndTriggerKindNotEqualOrderByStartedAtDesc(segmentId, IncrementalUpdate.TRIGGER);
    }

    Optional<RefreshRunRecord> latestSucceeded(UUID segmentId) {
        return runs.findFirstBySegmentIdAndStatusOrderByStartedAtDesc(segmentId, RefreshRunRecord.SUCCEEDED);
    }

    Instant now() {
        return clock.instant();
    }
}
