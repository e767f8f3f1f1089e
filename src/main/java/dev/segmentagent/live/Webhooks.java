package dev.segmentagent.live;

import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Registering a segment's webhooks and reading their delivery log. */
@Singleton
public class Webhooks {

    private static final Set<String> CHANGES = Set.of("entered", "exited");

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final SegmentStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Webhooks(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, SegmentStore store, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.store = store;
        this.clock = clock;
    }

    /** A new webhook; without a secret one is generated (and shown in this answer only). */
    public WebhookRecord register(UUID segmentId, String url, String secret, List<String> events) {
        store.current(segmentId).orElseThrow(() -> new SegmentNotFoundException(segmentId));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not a valid URI: " + url);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be an absolute http(s) URL");
        }
        List<String> wanted = events == null || events.isEmpty() ? List.of("entered", "exited") : events;
        if (!CHANGES.containsAll(wanted)) {
            throw new IllegalArgumentException("events may only be entered and exited");
        }
        String key = secret == null || secret.isBlank() ? HexFormat.of().formatHex(random.generateSeed(24)) : secret;
        if (key.length() < 16) {
            throw new IllegalArgumentException("secret must be at least 16 characters");
        }
        return webhooks.save(new WebhookRecord(UUID.randomUUID(), segmentId, url, key, String.join(",", wanted),
                clock.instant(), true));
    }

    public List<WebhookRecord> list(UUID segmentId) {
        store.current(segmentId).orElseThrow(() -> new SegmentNotFoundException(segmentId));
        return webhooks.findBySegmentIdOrderByCreatedAt(segmentId);
    }

    public List<WebhookDeliveryRecord> deliveries(UUID webhookId, int limit) {
        return deliveries.findByWebhookIdOrderByAtDesc(webhookId, Pageable.from(0, limit));
    }
}
