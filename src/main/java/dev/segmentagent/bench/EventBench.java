package dev.segmentagent.bench;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.segmentagent.live.IncomingEvent;
import dev.segmentagent.live.LiveEvents;
import dev.segmentagent.live.LiveSegments;
import dev.segmentagent.live.MembershipChange;
import dev.segmentagent.live.SegmentStore;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Event-to-membership latency under a sustained stream: a generator posts add_to_cart batches through the real
 * ingestion service every 50 ms, each for a customer outside "added this run's product to the cart in the last
 * day"; the latency of
 * an event is from its batch's acknowledgement (stored, committed) to the membership change that puts the
 * customer in the segment being committed and published. Every other live segment that depends on web events
 * is re-evaluated too, as in production.
 */
@Singleton
class EventBench implements ApplicationEventListener<MembershipChange> {

    private static final long BATCH_NANOS = 50_000_000L;
    private static final long DRAIN_NANOS = 15_000_000_000L;

    private final LiveEvents events;
    private final LiveSegments live;
    private final SegmentStore store;
    private final DuckDbWarehouse warehouse;
    private final WarehouseFacts facts;
    private final Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<Long, Long> entered = new ConcurrentHashMap<>();
    private volatile UUID watched;

    EventBench(LiveEvents events, LiveSegments live, SegmentStore store, DuckDbWarehouse warehouse,
               WarehouseFacts facts) {
        this.events = events;
        this.live = live;
        this.store = store;
        this.warehouse = warehouse;
        this.facts = facts;
    }

    @Override
    public void onApplicationEvent(MembershipChange change) {
        if (change.segmentId().equals(watched)) {
            long now = System.nanoTime();
            for (long customer : change.entered()) {
                entered.putIfAbsent(customer, now);
            }
        }
    }

    BenchReport.Events run(int perSecond, int seconds, long seed) {
        Instant asOf = facts.asOf();
        String name = "bench-cart-1d-" + perSecond;
        // a product of this run only: a reused data folder keeps earlier runs' cart adds, which would otherwise
        // leave nobody outside the segment
        String product = "bench-" + UUID.randomUUID();
        UUID segment = store.create(new SegmentStore.NewVersion(name, "event bench", SegmentJson.toJson(SegmentJson.parse(
                "{\"name\": \"" + name + "\", \"condition\": {\"type\": \"event\", \"event\": \"add_to_cart\", "
                        + "\"where\": [{\"property\": \"product_id\", \"op\": \"=\", \"value\": \"" + product + "\"}], "
                        + "\"window\": {\"lastDays\": 1}}}")), null, null, RefreshBench.ACTOR)).segment().id();
        live.definitionsChanged();
        live.refresh(segment, "bench");
        List<Long> outside = outside(segment, seed);
        int wanted = perSecond * seconds;
        if (outside.size() < wanted) {
            wanted = outside.size();
        }
        acknowledged.clear();
        entered.clear();
        watched = segment;
        int perBatch = Math.max(1, perSecond / 20);
        long start = System.nanoTime();
        int sent = 0;
        int batches = 0;
        while (sent < wanted) {
            long due = start + batches * BATCH_NANOS;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            List<IncomingEvent> batch = new ArrayList<>();
            for (int i = 0; i < perBatch && sent < wanted; i++, sent++) {
                long customer = outside.get(sent);
                batch.add(new IncomingEvent("bench-" + UUID.randomUUID(), customer, "add_to_cart",
                        asOf.minusSeconds(600), Map.of("product_id", TextNode.valueOf(product))));
            }
            events.ingest(batch);
            long ack = System.nanoTime();
            for (IncomingEvent event : batch) {
                acknowledged.put(event.customerId(), ack);
            }
            batches++;
        }
        long sendNanos = System.nanoTime() - start;
        long deadline = System.nanoTime() + DRAIN_NANOS;
        while (entered.size() < acknowledged.size() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        watched = null;
        try {
            // the next section must not run against a backlog of updates still being worked off
            events.awaitIdle(java.time.Duration.ofMinutes(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long[] latencies = acknowledged.entrySet().stream().filter(e -> entered.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, entered.get(e.getKey()) - e.getValue())).toArray();
        int missing = acknowledged.size() - latencies.length;
        double achieved = sent / (sendNanos / 1e9);
        LatencyStats stats = latencies.length == 0 ? null : LatencyStats.of(latencies, 1e6, "ms");
        return new BenchReport.Events(perSecond, achieved, sent, perBatch, stats, missing);
    }

    /** Customers not in the segment now, in a seeded random order. */
    private List<Long> outside(UUID segment, long seed) {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT customer_id FROM customers WHERE customer_id NOT IN "
                     + "(SELECT customer_id FROM segment_members WHERE segment_id = '" + segment + "') ORDER BY customer_id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new WarehouseException("cannot list customers outside the bench segment: " + e.getMessage(), e);
        }
        Collections.shuffle(ids, new Random(seed));
        return ids;
    }
}
