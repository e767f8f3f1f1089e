package dev.segmentagent.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells each webhook of a segment who entered and who left in a run: one signed POST per run (split into
 * parts of at most {@link #MAX_IDS} ids), retried with exponential backoff up to the configured attempts,
 * every attempt logged. Runs on its own threads so a slow receiver never holds up a refresh or an event.
 */
@Singleton
class WebhookNotifier implements ApplicationEventListener<MembershipChange> {

    static final int MAX_IDS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final LiveConfig config;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "webhook-delivery");
        thread.setDaemon(true);
        return thread;
    });

    WebhookNotifier(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, LiveConfig config, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.webhookTimeout()).build();
    }

    @Override
    public void onApplicationEvent(MembershipChange change) {
        for (WebhookRecord webhook : webhooks.findBySegmentIdAndActive(change.segmentId(), true)) {
            long[] entered = webhook.wants("entered") ? change.entered() : new long[0];
            long[] exited = webhook.wants("exited") ? change.exited() : new long[0];
            if (entered.length == 0 && exited.length == 0) {
                continue;
            }
            int parts = Math.max(1, (int) Math.ceil(Math.max(entered.length, exited.length) / (double) MAX_IDS));
            for (int part = 0; part < parts; part++) {
                long[] in = slice(entered, part);
                long[] out = slice(exited, part);
                String body = payload(change, in, out, part + 1, parts);
                Delivery delivery = new Delivery(UUID.randomUUID(), webhook, change.runId(), body, in.length, out.length);
                executor.execute(() -> attempt(delivery, 1));
            }
        }
    }

    private record Delivery(UUID id, WebhookRecord webhook, UUID runId, String body, int entered, int exited) {}

    private void attempt(Delivery delivery, int attempt) {
        Integer status = null;
        String error = null;
        try {
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.webhook().url()))
                    .timeout(config.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(delivery.webhook().secret(), timestamp, delivery.body()))
                    .header(WebhookSignature.DELIVERY_HEADER, delivery.id().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                error = "HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        boolean delivered = error == null;
        boolean last = attempt >= config.webhookMaxAttempts();
        String outcome = delivered ? WebhookDeliveryRecord.DELIVERED : last ? WebhookDeliveryRecord.GAVE_UP
                : WebhookDeliveryRecord.FAILED;
        log(delivery, attempt, status, outcome, error);
        if (!delivered && !last && !executor.isShutdown()) {
            long wait = config.webhookInitialBackoff().toMillis() << (attempt - 1);
            executor.schedule(() -> attempt(delivery, attempt + 1), wait, TimeUnit.MILLISECONDS);
        }
    }

    private void log(Delivery delivery, int attempt, Integer status, String outcome, String error) {
        try {
            deliveries.save(new WebhookDeliveryRecord(UUID.randomUUID(), delivery.id(), delivery.webhook().id(),
                    delivery.runId(), attempt, status, outcome, error == null ? null
                    : error.substring(0, Math.min(error.length(), 1900)), delivery.entered(), delivery.exited(),
                    clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("cannot log webhook delivery {} attempt {}: {}", delivery.id(), attempt, e.getMessage());
        }
    }

    private static long[] slice(long[] ids, int part) {
        int from = Math.min(ids.length, part * MAX_IDS);
        return Arrays.copyOfRange(ids, from, Math.min(ids.length, from + MAX_IDS));
    }

    private static String payload(MembershipChange change, long[] entered, long[] exited, int part, int parts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("segmentId", change.segmentId().toString());
        body.put("segmentName", change.segmentName());
        body.put("version", change.version());
        body.put("runId", change.runId().toString());
        body.put("trigger", change.trigger());
        body.put("at", change.at().toString());
        body.put("size", change.size());
        body.put("part", part);
        body.put("parts", parts);
        body.put("entered", entered);
        body.put("exited", exited);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload of strings and numbers always serialises", e);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
