package dev.segmentagent.api;

import dev.segmentagent.live.WebhookDeliveryRecord;
import dev.segmentagent.live.WebhookRecord;
import dev.segmentagent.live.Webhooks;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Webhooks of a segment (entered / exited notifications) and their delivery log. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** The secret is in this answer only; later reads do not show it. */
    @Post("/segments/{id}/webhooks")
    HttpResponse<WebhookRecord> register(UUID id, @Body WebhookRequest request) {
        WebhookRecord created = webhooks.register(id, request.url(), request.secret(), request.events());
        return HttpResponse.created(created, URI.create("/api/webhooks/" + created.id() + "/deliveries"));
    }

    @Get("/segments/{id}/webhooks")
    List<WebhookView> list(UUID id) {
        return webhooks.list(id).stream().map(WebhookView::of).toList();
    }

    @Get("/webhooks/{id}/deliveries")
    List<WebhookDeliveryRecord> deliveries(UUID id, @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return webhooks.deliveries(id, limit);
    }

    @Introspected
    record WebhookRequest(String url, @Nullable String secret, @Nullable List<String> events) {}

    record WebhookView(UUID id, UUID segmentId, String url, String events, Instant createdAt, boolean active) {
        static WebhookView of(WebhookRecord w) {
            return new WebhookView(w.id(), w.segmentId(), w.url(), w.events(), w.createdAt(), w.active());
        }
    }
}
