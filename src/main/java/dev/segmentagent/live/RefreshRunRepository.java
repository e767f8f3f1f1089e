package dev.segmentagent.live;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RefreshRunRepository extends CrudRepository<RefreshRunRecord, UUID> {

    List<RefreshRunRecord> findBySegmentIdOrderByStartedAtDesc(UUID segmentId, Pageable pageable);

    Optional<RefreshRunRecord> findFirstBySegmentIdOrderByStartedAtDesc(UUID segmentId);

    Optional<RefreshRunRecord> findFirstBySegmentIdAndStatusOrderByStartedAtDesc(UUID segmentId, String status);

    Optional<RefreshRunRecord> findFirstBySegmentIdAndTriggerKindNotEqualOrderByStartedAtDesc(UUID segmentId,
                                                                                            String triggerKind);
}
