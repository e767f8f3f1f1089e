package dev.segmentagent.live;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * One behavioural event as a client sends it: its own id (the idempotency key), the customer, a catalog event
 * type (add_to_cart, purchase, ...), when it happened, and values for the type's properties and measures.
 */
public record IncomingEvent(String eventId, long customerId, String type, Instant occurredAt,
                            Map<String, JsonNode> properties) {
    public IncomingEvent {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
