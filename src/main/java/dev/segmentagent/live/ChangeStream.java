package dev.segmentagent.live;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Instant;
import java.util.UUID;

/**
 * A hot stream of membership changes for server-sent events. Subscribers get changes from the moment they
 * connect; a slow subscriber misses changes rather than slowing refreshes down (best effort, by design:
 * the history endpoints are the record).
 */
@Singleton
public class ChangeStream implements ApplicationEventListener<MembershipChange> {

    /** One change as streamed: ids are capped so one huge refresh does not become a huge event. */
    public record ChangeView(UUID segmentId, String segmentName, int version, UUID runId, String trigger, Instant at,
                             long size, int enteredCount, int exitedCount, long[] entered, long[] exited) {}

    static final int MAX_IDS = 1_000;

    private final Sinks.Many<ChangeView> sink = Sinks.many().multicast().directBestEffort();

    public Flux<ChangeView> changes() {
        return sink.asFlux();
    }

    @Override
    public void onApplicationEvent(MembershipChange c) {
        sink.tryEmitNext(new ChangeView(c.segmentId(), c.segmentName(), c.version(), c.runId(), c.trigger(), c.at(),
                c.size(), c.entered().length, c.exited().length, cap(c.entered()), cap(c.exited())));
    }

    private static long[] cap(long[] ids) {
        return ids.length <= MAX_IDS ? ids : java.util.Arrays.copyOf(ids, MAX_IDS);
    }
}
