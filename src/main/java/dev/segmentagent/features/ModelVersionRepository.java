package dev.segmentagent.features;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ModelVersionRepository extends CrudRepository<ModelVersionRecord, UUID> {

    List<ModelVersionRecord> findByNameOrderByVersionDesc(String name);

    Optional<ModelVersionRecord> findByNameAndActiveTrue(String name);

    List<ModelVersionRecord> findByActiveTrue();
}
