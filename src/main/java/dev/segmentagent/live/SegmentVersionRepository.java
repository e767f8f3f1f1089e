package dev.segmentagent.live;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SegmentVersionRepository extends CrudRepository<SegmentVersionRecord, UUID> {

    List<SegmentVersionRecord> findBySegmentIdOrderByVersionDesc(UUID segmentId);

    Optional<SegmentVersionRecord> findBySegmentIdAndVersion(UUID segmentId, int version);
}
