package dev.segmentagent.live;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebhookDeliveryRepository extends CrudRepository<WebhookDeliveryRecord, UUID> {

    List<WebhookDeliveryRecord> findByWebhookIdOrderByAtDesc(UUID webhookId, Pageable pageable);
}
