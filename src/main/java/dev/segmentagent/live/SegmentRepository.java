package dev.segmentagent.live;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

// PostgreSQL dialect everywhere: the embedded H2 runs in PostgreSQL mode, so one set of queries serves both.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SegmentRepository extends CrudRepository<SegmentRecord, UUID> {

    Page<SegmentRecord> findByStatus(String status, Pageable pageable);

    List<SegmentRecord> findByStatusOrderByCreatedAt(String status);

    Page<SegmentRecord> findByStatusAndNameIlike(String status, String namePattern, Pageable pageable);
}
