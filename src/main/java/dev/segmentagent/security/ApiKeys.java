package dev.segmentagent.security;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues, checks and revokes API keys. A key's secret is shown once, at creation, and never stored. */
@Singleton
public class ApiKeys {

    static final String PREFIX = "sa_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository repository;
    private final Clock clock;

    ApiKeys(ApiKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** What a caller gets back once: the secret to put in the Authorization header, and the key's listing. */
    public record IssuedKey(String key, KeyView view) {}

    /** A key as listed: never the secret, only its first characters. */
    public record KeyView(UUID id, String name, Role role, String keyPrefix, java.time.Instant createdAt,
                          String createdBy, java.time.Instant revokedAt) {}

    public IssuedKey issue(String name, Role role, String actor) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKeyRecord record = repository.save(new ApiKeyRecord(UUID.randomUUID(), name, role.name(), hash(key),
                key.substring(0, PREFIX.length() + 6), clock.instant(), actor, null));
        return new IssuedKey(key, view(record));
    }

    /**
     * The principal a presented key stands for. The lookup is by the key's hash, so the comparison never
     * runs over the secret itself and its timing tells nothing about how much of a guess was right.
     */
    public Optional<Principal> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        return repository.findByKeyHashAndRevokedAtIsNull(hash(presented))
                .map(r -> new Principal(r.name(), Role.valueOf(r.role())));
    }

    public List<KeyView> list() {
        return repository.findAllOrderByCreatedAt().stream().map(ApiKeys::view).toList();
    }

    public Optional<KeyView> revoke(UUID id) {
        return repository.findById(id).map(r -> r.revokedAt() != null ? r : repository.update(r.revoked(clock.instant())))
                .map(ApiKeys::view);
    }

    boolean noneActive() {
        return repository.countByRevokedAtIsNull() == 0;
    }

    private static KeyView view(ApiKeyRecord r) {
        return new KeyView(r.id(), r.name(), Role.valueOf(r.role()), r.keyPrefix(), r.createdAt(), r.createdBy(),
                r.revokedAt());
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
