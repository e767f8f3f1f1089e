package dev.segmentagent.security;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRepository extends CrudRepository<ApiKeyRecord, UUID> {

    Optional<ApiKeyRecord> findByKeyHashAndRevokedAtIsNull(String keyHash);

    List<ApiKeyRecord> findAllOrderByCreatedAt();

    long countByRevokedAtIsNull();
}
