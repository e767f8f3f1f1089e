package dev.segmentagent.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One attempt to deliver one payload (attempts of the same payload share the delivery id). */
@MappedEntity("webhook_delivery")
public record WebhookDeliveryRecord(@Id UUID id, UUID deliveryId, UUID webhookId, @Nullable UUID runId, int attempt,
                                    @Nullable Integer statusCode, String outcome, @Nullable String error, int entered,
                                    int exited, Instant at) {

    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String GAVE_UP = "gave_up";
}
