package dev.segmentagent.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TokenUsageRepository extends CrudRepository<TokenUsageRecord, String> {

    /** Adds in the database, not read-modify-write in Java, so concurrent calls of one key lose nothing. */
    @Query("UPDATE token_usage SET tokens = tokens + :tokens, requests = requests + 1 WHERE id = :id")
    long add(String id, long tokens);
}
