package dev.segmentagent.jobs;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface JobRunRepository extends CrudRepository<JobRunRecord, java.util.UUID> {

    List<JobRunRecord> findByKindOrderByQueuedAtDesc(String kind, Pageable pageable);

    List<JobRunRecord> findByStatusIn(java.util.Collection<String> statuses);

    /** Closes every job still queued or running: called at start, when none of them can still be going. */
    @Query("UPDATE job_run SET status = 'failed', finished_at = :at, error = :reason "
            + "WHERE status = 'running' OR status = 'queued'")
    long failPending(Instant at, String reason);
}
