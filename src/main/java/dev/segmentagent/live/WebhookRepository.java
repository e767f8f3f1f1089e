package dev.segmentagent.live;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebhookRepository extends CrudRepository<WebhookRecord, UUID> {

    List<WebhookRecord> findBySegmentIdAndActive(UUID segmentId, boolean active);

    List<WebhookRecord> findBySegmentIdOrderByCreatedAt(UUID segmentId);
}
