package dev.segmentagent.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored API key. Only the SHA-256 of the secret is kept, so a copy of the metadata database does not hand
 * out working keys; the prefix lets a person tell their keys apart in listings.
 */
@MappedEntity("api_key")
record ApiKeyRecord(@Id UUID id, String name, String role, String keyHash, String keyPrefix, Instant createdAt,
                    String createdBy, @Nullable Instant revokedAt) {

    ApiKeyRecord revoked(Instant at) {
        return new ApiKeyRecord(id, name, role, keyHash, keyPrefix, createdAt, createdBy, at);
    }
}
