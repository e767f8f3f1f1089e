package dev.segmentagent.live;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/** Reads and writes a segment's live settings; a segment without a row has the defaults. */
@Singleton
public class LiveSettings {

    private final LiveSettingsRepository repository;
    private final SegmentStore store;
    private final Clock clock;

    LiveSettings(LiveSettingsRepository repository, SegmentStore store, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.clock = clock;
    }

    /** What a client may set; null leaves a value as it is ({@code refreshIntervalSeconds} 0 clears the override). */
    public record Change(Integer refreshIntervalSeconds, Boolean campaignEligible, Integer priority,
                         Double holdoutPercent) {}

    public LiveSettingsRecord get(UUID segmentId) {
        store.current(segmentId).orElseThrow(() -> new SegmentNotFoundException(segmentId));
        return repository.findById(segmentId).orElse(LiveSettingsRecord.defaults(segmentId));
    }

    public LiveSettingsRecord update(UUID segmentId, Change change) {
        LiveSettingsRecord current = get(segmentId);
        Integer interval = change.refreshIntervalSeconds() == null ? current.refreshIntervalSeconds()
                : change.refreshIntervalSeconds() == 0 ? null : change.refreshIntervalSeconds();
        if (interval != null && interval < 10) {
            throw new IllegalArgumentException("refreshIntervalSeconds must be at least 10 (or 0 to use the global interval)");
        }
        double holdout = change.holdoutPercent() == null ? current.holdoutPercent() : change.holdoutPercent();
        if (holdout < 0 || holdout > 50) {
            throw new IllegalArgumentException("holdoutPercent must be between 0 and 50");
        }
        LiveSettingsRecord next = new LiveSettingsRecord(segmentId, interval,
                change.campaignEligible() == null ? current.campaignEligible() : change.campaignEligible(),
                change.priority() == null ? current.priority() : change.priority(), holdout, clock.instant());
        return repository.existsById(segmentId) ? repository.update(next) : repository.save(next);
    }

    java.util.Map<UUID, LiveSettingsRecord> all() {
        java.util.Map<UUID, LiveSettingsRecord> result = new java.util.HashMap<>();
        repository.findAll().forEach(s -> result.put(s.segmentId(), s));
        return result;
    }
}
