package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.live.EventRejectedException;
import dev.segmentagent.live.IncomingEvent;
import dev.segmentagent.live.LiveEvents;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/events}: one event object, a JSON array of them, or {@code {"events": [...]}}. Answers 202
 * once the batch is committed; memberships follow within moments. A bad event rejects the whole batch (400,
 * every issue listed) so a client can fix and resend it without working out which half was stored.
 */
@Controller("/api/events")
@ExecuteOn(TaskExecutors.BLOCKING)
class EventController {

    static final int MAX_BATCH = 10_000;

    private final LiveEvents events;

    EventController(LiveEvents events) {
        this.events = events;
    }

    @Post
    HttpResponse<LiveEvents.Receipt> ingest(@Body JsonNode body) {
        JsonNode list = body.isArray() ? body : body.has("events") ? body.get("events") : null;
        List<JsonNode> items = new ArrayList<>();
        if (list == null) {
            items.add(body);
        } else if (!list.isArray()) {
            throw ProblemException.badRequest("invalid_events", "events must be an array");
        } else {
            list.forEach(items::add);
        }
        if (items.isEmpty() || items.size() > MAX_BATCH) {
            throw ProblemException.badRequest("invalid_events", "a batch holds 1 to " + MAX_BATCH + " events");
        }
        List<String> issues = new ArrayList<>();
        List<IncomingEvent> parsed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            IncomingEvent event = parse(items.get(i), i, issues);
            if (event != null) {
                parsed.add(event);
            }
        }
        if (!issues.isEmpty()) {
            throw rejected(issues);
        }
        try {
            return HttpResponse.status(HttpStatus.ACCEPTED).body(events.ingest(parsed));
        } catch (EventRejectedException e) {
            throw rejected(e.issues());
        }
    }

    private static ProblemException rejected(List<String> issues) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid_events", Stage.VALIDATE,
                issues.size() + " problem(s) in the batch; nothing was stored", issues, null);
    }

    private static IncomingEvent parse(JsonNode node, int index, List<String> issues) {
        String where = "events[" + index + "]: ";
        if (!node.isObject()) {
            issues.add(where + "must be an object");
            return null;
        }
        String id = text(node, "eventId");
        String type = text(node, "type");
        String at = text(node, "occurredAt");
        JsonNode customer = node.get("customerId");
        if (id == null || id.isBlank() || id.length() > 200) {
            issues.add(where + "eventId is required (1 to 200 characters)");
        }
        if (type == null) {
            issues.add(where + "type is required");
        }
        if (customer == null || !customer.isIntegralNumber()) {
            issues.add(where + "customerId must be an integer");
        }
        Instant occurredAt = null;
        if (at == null) {
            issues.add(where + "occurredAt is required (ISO-8601 instant)");
        } else {
            try {
                occurredAt = Instant.parse(at);
            } catch (DateTimeParseException e) {
                issues.add(where + "occurredAt '" + at + "' is not an ISO-8601 instant");
            }
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode props = node.get("properties");
        if (props != null && !props.isNull()) {
            if (!props.isObject()) {
                issues.add(where + "properties must be an object");
            } else {
                Iterator<Map.Entry<String, JsonNode>> fields = props.fields();
                fields.forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
            }
        }
        if (id == null || type == null || customer == null || !customer.isIntegralNumber() || occurredAt == null) {
            return null;
        }
        return new IncomingEvent(id, customer.longValue(), type, occurredAt, properties);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
