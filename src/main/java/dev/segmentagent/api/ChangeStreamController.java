package dev.segmentagent.api;

import dev.segmentagent.live.ChangeStream;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import org.reactivestreams.Publisher;

import java.util.UUID;

/** {@code GET /api/segments/changes}: membership changes as server-sent events, optionally for one segment. */
@Controller("/api/segments")
class ChangeStreamController {

    private final ChangeStream stream;

    ChangeStreamController(ChangeStream stream) {
        this.stream = stream;
    }

    @Get(value = "/changes", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<Object>> changes(@Nullable @QueryValue UUID segment) {
        // a first "ready" event sends the response headers at once, so a client knows it is subscribed
        Event<Object> ready = Event.<Object>of(java.util.Map.of("subscribed", true)).name("ready");
        return reactor.core.publisher.Flux.concat(reactor.core.publisher.Flux.just(ready), stream.changes()
                .filter(c -> segment == null || segment.equals(c.segmentId()))
                .map(c -> Event.<Object>of(c).name("membership").id(c.runId().toString())));
    }
}
