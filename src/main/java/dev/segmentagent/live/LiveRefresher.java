package dev.segmentagent.live;

import dev.segmentagent.live.SegmentStore.SavedSegment;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Full refresh: prepare every requested segment, then, batch by batch ({@code segment.live.refresh-batch-segments}
 * segments), first drop the segments whose new member set is the stored one (counted and hashed by one aggregate
 * each and compared with the stored fingerprint, {@link MemberFingerprints}: nothing is stored or written for
 * them), evaluate the others into DuckDB, diff every new set against the stored members there and swap them
 * in ONE transaction with set-based writes ({@link MemberSwap}), recording a run per segment. Each segment's
 * swap is atomic. Only the changes reach the heap; batches bound them (a first refresh of 1,000 segments over
 * 1M customers enters ~260M members) and DuckDB's TEMP tables. Should a batch's combined write fail, each of
 * its segments is written alone.
 *
 * <p>Whether a full refresh uses the shared scan is {@code segment.live.full-refresh-shared-scan}: measured
 * on DuckDB at 50k customers, 100 separate compiled queries were faster than one 100-predicate scan (DuckDB
 * parallelises each query and filters columnar; a row-wise mask of 100 CASEs defeats that), so the default is
 * off. Event updates always use the shared scan: there the scope is a handful of customers and one statement
 * for every affected segment beats one per segment.
 *
 * <p>A segment that fails, in preparation or in its write, gets a failed run with the reason and keeps its
 * previous members. If the shared scan itself fails, each segment is evaluated alone so that one broken
 * definition cannot hold the others back.
 */
@Singleton
class LiveRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRefresher.class);

    private final LiveSegmentLoader loader;
    private final MemberSwap swap;
    private final RunLog runLog;
    private final WarehouseFacts facts;
    private final LiveLock lock;
    private final ApplicationEventPublisher<MembershipChange> changes;
    private final LiveConfig config;

    LiveRefresher(LiveSegmentLoader loader, MemberSwap swap, RunLog runLog,
                  WarehouseFacts facts, LiveLock lock, ApplicationEventPublisher<MembershipChange> changes,
                  LiveConfig config) {
        this.config = config;
        this.loader = loader;
        this.swap = swap;
        this.runLog = runLog;
        this.facts = facts;
        this.lock = lock;
        this.changes = changes;
    }

    List<RefreshRunRecord> refresh(List<SavedSegment> segments, String trigger) {
        return lock.with(() -> refreshLocked(segments, trigger));
    }

    private List<RefreshRunRecord> refreshLocked(List<SavedSegment> segments, String trigger) {
        Instant asOf = facts.asOf();
        Map<UUID, RefreshRunRecord> runs = runLog.openAll(segments, trigger, asOf);
        List<RefreshRunRecord> finished = new ArrayList<>();
        LiveSegmentLoader.Loaded loaded = loader.load(segments, asOf);
        loaded.failed().forEach((segment, reason) ->
                finished.add(runLog.failed(runs.get(segment.segment().id()), "prepare: " + reason)));

        List<LiveSegment> ready = loaded.ready();
        for (int from = 0; from < ready.size(); from += config.refreshBatchSegments()) {
            // one batch's member sets at a time: the heap holds a batch, not every segment's members
            List<LiveSegment> batch = ready.subList(from, Math.min(ready.size(), from + config.refreshBatchSegments()));
            finished.addAll(refreshBatch(batch, runs, trigger));
        }
        return finished;
    }

    /**
     * Evaluates a batch of segments into DuckDB and swaps in their members (one transaction for the batch when
     * it can). A segment's tag in the batch's TEMP tables is its position in the batch.
     */
    private List<RefreshRunRecord> refreshBatch(List<LiveSegment> batch, Map<UUID, RefreshRunRecord> runs, String trigger) {
        List<RefreshRunRecord> finished = new ArrayList<>();
        try (MemberSwap.Batch work = swap.open()) {
            long started = System.nanoTime();
            Map<UUID, Long> unchanged = unchanged(work, batch);
            List<LiveSegment> rest = batch.stream().filter(s -> !unchanged.containsKey(s.id())).toList();
            long compared = System.nanoTime();
            Map<UUID, String> scanErrors = evaluate(work, rest);
            long evaluated = System.nanoTime();
            List<MemberSwap.Target> targets = new ArrayList<>();
            for (int i = 0; i < rest.size(); i++) {
                LiveSegment segment = rest.get(i);
                String scanError = scanErrors.get(segment.id());
                if (scanError != null) {
                    finished.add(runLog.failed(runs.get(segment.id()), "execute: " + scanError));
                } else {
                    targets.add(new MemberSwap.Target(i, segment.id(), segment.version(), runs.get(segment.id()).id()));
                }
            }
            Map<UUID, MembershipTable.Diff> diffs = null;
            if (targets.size() > 1) {
                try {
                    diffs = work.swap(targets, runLog.now());
                } catch (RuntimeException together) {
                    LOG.warn("writing the members of {} segments together failed ({}); writing them one by one",
                            targets.size(), together.getMessage());
                }
            }
            long swapped = System.nanoTime();
            Map<RefreshRunRecord, Long> same = new LinkedHashMap<>();
            unchanged.forEach((segment, size) -> same.put(runs.get(segment), size));
            finished.addAll(runLog.unchanged(same)); // nothing to write, nobody to tell
            for (MemberSwap.Target target : targets) {
                LiveSegment segment = rest.get(target.tag());
                RefreshRunRecord run = runs.get(segment.id());
                try {
                    MembershipTable.Diff diff = diffs != null ? diffs.get(segment.id())
                            : work.swap(List.of(target), runLog.now()).get(segment.id());
                    finished.add(runLog.succeeded(run, diff));
                    publish(segment, run, trigger, diff);
                } catch (RuntimeException e) {
                    finished.add(runLog.failed(run, "write: " + e.getMessage()));
                }
            }
            LOG.debug("refreshed a batch of {} segments ({} found unchanged by their fingerprints): fingerprint {} ms,"
                            + " evaluate {} ms, swap {} ms, run log and listeners {} ms", batch.size(), unchanged.size(),
                    (compared - started) / 1_000_000, (evaluated - compared) / 1_000_000, (swapped - evaluated) / 1_000_000,
                    (System.nanoTime() - swapped) / 1_000_000);
        }
        return finished;
    }

    /**
     * The segments of the batch whose new member set is the stored one, by their fingerprints (see {@link
     * MemberSwap.Batch#unchanged}), with their sizes. Should that fail (a definition that no longer runs), none
     * is taken as unchanged: the evaluation that follows finds and records the failure.
     */
    private static Map<UUID, Long> unchanged(MemberSwap.Batch work, List<LiveSegment> batch) {
        try {
            return work.unchanged(batch);
        } catch (RuntimeException e) {
            LOG.debug("fingerprinting {} segments failed ({}); evaluating them all", batch.size(), e.getMessage());
            return Map.of();
        }
    }

    /**
     * Evaluates the batch into {@code work}: in one shared scan if configured, else one statement per segment in
     * one transaction; should that fail, one transaction per segment, so that one broken definition cannot hold
     * the others back.
     *
     * @return the reason per segment whose evaluation failed
     */
    private Map<UUID, String> evaluate(MemberSwap.Batch work, List<LiveSegment> batch) {
        Map<UUID, String> scanErrors = new HashMap<>();
        if (batch.isEmpty()) {
            return scanErrors;
        }
        try {
            if (config.fullRefreshSharedScan()) {
                work.evaluate(batch, 0);
            } else {
                work.evaluateEach(batch, 0);
            }
            return scanErrors;
        } catch (RuntimeException together) {
            LOG.warn("evaluating {} segments together failed ({}); evaluating them one by one",
                    batch.size(), together.getMessage());
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                work.evaluateEach(List.of(batch.get(i)), i);
            } catch (RuntimeException alone) {
                scanErrors.put(batch.get(i).id(), alone.getMessage());
            }
        }
        return scanErrors;
    }

    void publish(LiveSegment segment, RefreshRunRecord run, String trigger, MembershipTable.Diff diff) {
        if (!diff.changed()) {
            return;
        }
        try {
            changes.publishEvent(new MembershipChange(segment.id(), segment.name(), segment.version(), run.id(),
                    trigger, runLog.now(), diff.entered(), diff.exited(), diff.size()));
        } catch (RuntimeException e) {
            // a listener's failure (e.g. a notifier) must not turn a committed refresh into an error
            LOG.warn("a membership change listener failed for segment {}: {}", segment.id(), e.getMessage());
        }
    }
}
