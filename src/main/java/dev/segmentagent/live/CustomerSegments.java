package dev.segmentagent.live;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's side of live segments: the segments they are in now, their enter/exit timeline, and which
 * campaign-eligible segment wins when they are in several (one message, not two).
 */
@Singleton
public class CustomerSegments {

    private final MembershipQueries queries;
    private final SegmentStore store;
    private final LiveSettings settings;

    CustomerSegments(MembershipQueries queries, SegmentStore store, LiveSettings settings) {
        this.queries = queries;
        this.store = store;
        this.settings = settings;
    }

    public record Current(UUID segmentId, String name, int version, Instant enteredAt, boolean heldOut) {}

    public record TimelineEntry(UUID segmentId, String name, String change, UUID runId, int version, Instant at) {}

    public record View(long customerId, List<Current> segments, List<TimelineEntry> timeline) {}

    public record Candidate(UUID segmentId, String name, int priority, boolean heldOut) {}

    /**
     * @param winner     the eligible segment with the highest priority (ties: the older segment), or null
     * @param candidates every campaign-eligible segment the customer is in, best first
     */
    public record Winning(long customerId, Candidate winner, List<Candidate> candidates) {}

    public View view(long customerId, int timelineLimit) {
        Map<UUID, LiveSettingsRecord> all = settings.all();
        List<Current> current = queries.current(customerId).stream()
                .flatMap(m -> store.current(m.segmentId()).map(s -> new Current(m.segmentId(), s.segment().name(),
                        m.version(), m.enteredAt(), Holdout.heldOut(m.segmentId(), customerId,
                        percent(all, m.segmentId())))).stream())
                .toList();
        List<TimelineEntry> timeline = queries.timeline(customerId, timelineLimit).stream()
                .map(c -> new TimelineEntry(c.segmentId(), name(c.segmentId()), c.change(), c.runId(), c.version(), c.at()))
                .toList();
        return new View(customerId, current, timeline);
    }

    /** Held-out customers never win: they are the segment's control group and must not be activated. */
    public Winning winning(long customerId) {
        Map<UUID, LiveSettingsRecord> all = settings.all();
        List<Candidate> candidates = queries.current(customerId).stream()
                .filter(m -> all.containsKey(m.segmentId()) && all.get(m.segmentId()).campaignEligible())
                .flatMap(m -> store.current(m.segmentId()).stream().map(s -> Map.entry(s, all.get(m.segmentId()))))
                .sorted(Comparator.<Map.Entry<SegmentStore.SavedSegment, LiveSettingsRecord>>comparingInt(e -> -e.getValue().priority())
                        .thenComparing(e -> e.getKey().segment().createdAt())
                        .thenComparing(e -> e.getKey().segment().id()))
                .map(e -> new Candidate(e.getKey().segment().id(), e.getKey().segment().name(), e.getValue().priority(),
                        Holdout.heldOut(e.getKey().segment().id(), customerId, e.getValue().holdoutPercent())))
                .toList();
        Optional<Candidate> winner = candidates.stream().filter(c -> !c.heldOut()).findFirst();
        return new Winning(customerId, winner.orElse(null), candidates);
    }

    private String name(UUID segmentId) {
        return store.current(segmentId).map(s -> s.segment().name()).orElse(null);
    }

    private static double percent(Map<UUID, LiveSettingsRecord> all, UUID segmentId) {
        LiveSettingsRecord s = all.get(segmentId);
        return s == null ? 0 : s.holdoutPercent();
    }
}
