package dev.segmentagent.live;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every {@code segment.live.schedule-tick}, refreshes the segments whose interval (their own, else
 * {@code segment.live.refresh-interval}) has passed since their last run: all due segments share one scan.
 */
@Singleton
@Requires(property = "segment.live.schedule-enabled", notEquals = "false")
class ScheduledRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRefresh.class);

    private final SegmentStore store;
    private final LiveSettings settings;
    private final RunLog runLog;
    private final LiveRefresher refresher;
    private final LiveConfig config;

    ScheduledRefresh(SegmentStore store, LiveSettings settings, RunLog runLog, LiveRefresher refresher,
                     LiveConfig config) {
        this.store = store;
        this.settings = settings;
        this.runLog = runLog;
        this.refresher = refresher;
        this.config = config;
    }

    @Scheduled(fixedDelay = "${segment.live.schedule-tick:30s}", initialDelay = "${segment.live.schedule-tick:30s}")
    void tick() {
        try {
            Map<UUID, LiveSettingsRecord> own = settings.all();
            List<SegmentStore.SavedSegment> due = store.allActive().stream().filter(s -> {
                UUID id = s.segment().id();
                LiveSettingsRecord mine = own.get(id);
                return RefreshSchedule.due(runLog.latestFull(id).map(RefreshRunRecord::startedAt).orElse(null),
                        mine == null ? null : mine.refreshIntervalSeconds(), config.refreshInterval(), runLog.now());
            }).toList();
            if (!due.isEmpty()) {
                List<RefreshRunRecord> runs = refresher.refresh(due, LiveSegments.SCHEDULE);
                LOG.info("scheduled refresh of {} segments: {} failed", runs.size(),
                        runs.stream().filter(r -> RefreshRunRecord.FAILED.equals(r.status())).count());
            }
        } catch (RuntimeException e) {
            LOG.error("scheduled refresh failed: {}", e.getMessage(), e);
        }
    }
}
