package dev.segmentagent.live;

import io.micronaut.data.annotation.Query;
import java.time.Instant;

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

    /** Closes every run still marked running: called at start, when none of them can still be going. */
    @Query("UPDATE refresh_run SET status = 'failed', finished_at = :at, error = :reason WHERE status = 'running'")
    long failRunning(Instant at, String reason);
}
