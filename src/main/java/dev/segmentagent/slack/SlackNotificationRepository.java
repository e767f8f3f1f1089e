package dev.segmentagent.slack;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SlackNotificationRepository extends CrudRepository<SlackNotificationRecord, UUID> {

    List<SlackNotificationRecord> findBySegmentIdAndActive(UUID segmentId, boolean active);

    List<SlackNotificationRecord> findBySegmentIdOrderByCreatedAt(UUID segmentId);
}
