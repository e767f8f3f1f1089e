package dev.segmentagent.live;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A segment's live state (size, holdout, staleness, settings, dependencies) and its run history. */
@Singleton
public class SegmentHistory {

    private final SegmentStore store;
    private final RunLog runLog;
    private final MembershipTable memberships;
    private final LiveSettings settings;
    private final LiveSegments live;
    private final LiveConfig config;

    SegmentHistory(SegmentStore store, RunLog runLog, MembershipTable memberships, LiveSettings settings,
                   LiveSegments live, LiveConfig config) {
        this.store = store;
        this.runLog = runLog;
        this.memberships = memberships;
        this.settings = settings;
        this.live = live;
        this.config = config;
    }

    /** One run as the history shows it. */
    public record RunView(UUID runId, int version, String trigger, String status, Instant asOf, Instant startedAt,
                          Instant finishedAt, Long durationMs, Long size, Long entered, Long exited, String error) {
        public static RunView of(RefreshRunRecord r) {
            Long ms = r.finishedAt() == null ? null : Duration.between(r.startedAt(), r.finishedAt()).toMillis();
            return new RunView(r.id(), r.version(), r.triggerKind(), r.status(), r.asOf(), r.startedAt(),
                    r.finishedAt(), ms, r.members(), r.entered(), r.exited(), r.error());
        }
    }

    /**
     * @param stale       the latest run failed: the members shown are those of the last successful run
     * @param staleReason that run's error
     * @param activation  members minus the holdout: who campaigns may reach
     */
    public record LiveStatus(UUID segmentId, String name, int version, long size, long holdout, long activation,
                             boolean stale, String staleReason, RunView lastRun, RunView lastSuccess,
                             long refreshIntervalSeconds, boolean campaignEligible, int priority,
                             double holdoutPercent, SegmentDependencies dependsOn) {}

    public record History(UUID segmentId, List<RunView> runs) {}

    public LiveStatus status(UUID segmentId) {
        SegmentStore.SavedSegment saved = store.current(segmentId).orElseThrow(() -> new SegmentNotFoundException(segmentId));
        LiveSettingsRecord s = settings.get(segmentId);
        long[] members = memberships.members(segmentId);
        long held = 0;
        for (long customer : members) {
            if (Holdout.heldOut(segmentId, customer, s.holdoutPercent())) {
                held++;
            }
        }
        RunView last = runLog.latest(segmentId).map(RunView::of).orElse(null);
        RunView success = runLog.latestSucceeded(segmentId).map(RunView::of).orElse(null);
        boolean stale = last != null && RefreshRunRecord.FAILED.equals(last.status());
        SegmentDependencies dependencies;
        try {
            dependencies = live.dependencies(segmentId);
        } catch (RuntimeException e) {
            dependencies = null; // it does not prepare any more; staleReason says why
        }
        long interval = s.refreshIntervalSeconds() != null ? s.refreshIntervalSeconds()
                : config.refreshInterval().toSeconds();
        return new LiveStatus(segmentId, saved.segment().name(), saved.version().version(), members.length, held,
                members.length - held, stale, stale ? last.error() : null, last, success, interval,
                s.campaignEligible(), s.priority(), s.holdoutPercent(), dependencies);
    }

    public History history(UUID segmentId, int limit) {
        store.current(segmentId).orElseThrow(() -> new SegmentNotFoundException(segmentId));
        return new History(segmentId, runLog.recent(segmentId, limit).stream().map(RunView::of).toList());
    }
}
