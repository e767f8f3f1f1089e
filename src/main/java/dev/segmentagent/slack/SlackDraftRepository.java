package dev.segmentagent.slack;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SlackDraftRepository extends CrudRepository<SlackDraftRecord, UUID> {

    void deleteByCreatedAtLessThan(Instant before);
}
