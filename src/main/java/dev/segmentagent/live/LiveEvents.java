package dev.segmentagent.live;

import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.warehouse.WarehouseFacts;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Event ingestion: store durably (acknowledge only after the commit), then bring the touched customers'
 * features and memberships up to date in the background, in arrival order.
 *
 * <p>Windows are measured from the data's as-of instant: an event dated at or after it is stored and counted
 * once as-of moves past it (the next full feature build), never silently dropped.
 */
@Singleton
public class LiveEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    private static final java.time.Duration SHUTDOWN_WAIT = java.time.Duration.ofSeconds(10);
    /**
     * Waits before each retry of a failed update. The usual failure is transient: another writer (a full feature
     * build, an import) changed the same customer_features rows first, and DuckDB refuses the conflicting write.
     * The events are stored either way; without a retry their customers' features and memberships would stay
     * stale until the next full build and refresh. A retry recomputes from the tables as they are then.
     */
    private static final List<java.time.Duration> RETRY_BACKOFF = List.of(java.time.Duration.ofMillis(200),
            java.time.Duration.ofMillis(800), java.time.Duration.ofMillis(3200));

    private final EventStore store;
    private final CatalogService catalogs;
    private final WarehouseFacts facts;
    private final IncrementalUpdate updates;
    private final Clock clock;
    // one thread: updates apply in the order their events were acknowledged
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "live-event-updates");
        thread.setDaemon(true);
        return thread;
    });

    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

    LiveEvents(EventStore store, CatalogService catalogs, WarehouseFacts facts, IncrementalUpdate updates,
               Clock clock) {
        this.store = store;
        this.catalogs = catalogs;
        this.facts = facts;
        this.updates = updates;
        this.clock = clock;
    }

    /** What the client is told: accepted and duplicate counts, and events dated at or after the as-of. */
    public record Receipt(int accepted, int duplicates, List<String> duplicateIds, int customers, int afterAsOf,
                          Instant asOf) {}

    /** Stores the batch (all or nothing) and schedules the incremental update. */
    public Receipt ingest(List<IncomingEvent> events) {
        EventStore.Stored stored = store.append(events, catalogs.catalog(), clock.instant());
        Instant asOf = facts.asOf();
        int after = (int) stored.accepted().stream().filter(e -> !e.occurredAt().isBefore(asOf)).count();
        if (!stored.customers().isEmpty()) {
            pending.add(new Pending(stored.customers(), stored.touched()));
            worker.submit(this::drain);
        }
        return new Receipt(stored.accepted().size(), stored.duplicates().size(), stored.duplicates(),
                stored.customers().size(), after, asOf);
    }

    private record Pending(Set<Long> customers, Set<String> touched) {}

    /**
     * Applies everything acknowledged so far in ONE incremental update. Under a sustained stream the update's
     * fixed cost (a feature rebuild scans the event tables once, whatever the number of customers) dominates;
     * one update per batch queued those costs behind each other and latency grew without bound. Merging the
     * batches that arrived while the previous update ran keeps latency at about two update durations. Order is
     * kept: the single worker drains in arrival order, and a later drain finds the queue empty.
     */
    private void drain() {
        Set<Long> customers = new HashSet<>();
        Set<String> touched = new HashSet<>();
        for (Pending next; (next = pending.poll()) != null; ) {
            customers.addAll(next.customers());
            touched.addAll(next.touched());
        }
        if (customers.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                updates.apply(customers, touched);
                return;
            } catch (RuntimeException e) {
                if (attempt > RETRY_BACKOFF.size()) {
                    LOG.error("incremental update for {} customers failed {} times, their features and memberships stay"
                            + " as they were until the next full build and refresh: {}", customers.size(), attempt,
                            e.getMessage(), e);
                    return;
                }
                java.time.Duration wait = RETRY_BACKOFF.get(attempt - 1);
                LOG.warn("incremental update for {} customers failed (attempt {}), retrying in {} ms: {}",
                        customers.size(), attempt, wait.toMillis(), e.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) { // shutting down
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Waits until every update queued so far has been applied (false when the timeout passed first). For a
     * caller that must not measure or read while a backlog of updates is still being worked off.
     */
    public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        try {
            worker.submit(() -> { }).get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Lets the update already queued finish before the warehouse closes (interrupting it made it fail on a
     * closed connection, leaving memberships behind until the next refresh), but waits a bounded time so a
     * stuck update cannot hold shutdown.
     */
    @PreDestroy
    void stop() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(SHUTDOWN_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                LOG.warn("an incremental update was still running after {}; stopping it", SHUTDOWN_WAIT);
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
