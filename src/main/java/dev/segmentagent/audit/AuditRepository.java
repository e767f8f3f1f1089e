package dev.segmentagent.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends CrudRepository<AuditEntry, UUID> {

    Page<AuditEntry> findByTargetTypeAndTargetId(String targetType, String targetId, Pageable pageable);

    Page<AuditEntry> findAll(Pageable pageable);
}
