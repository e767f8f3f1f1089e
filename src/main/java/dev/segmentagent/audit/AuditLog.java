package dev.segmentagent.audit;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/** Records and lists audit entries; the one way other packages write to the audit log. */
@Singleton
public class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public AuditEntry record(String actor, String action, String targetType, String targetId, String detail) {
        return repository.save(new AuditEntry(UUID.randomUUID(), clock.instant(), actor, action, targetType,
                targetId, detail));
    }

    public Page<AuditEntry> forTarget(String targetType, String targetId, Pageable pageable) {
        return repository.findByTargetTypeAndTargetId(targetType, targetId, pageable);
    }

    public Page<AuditEntry> all(Pageable pageable) {
        return repository.findAll(pageable);
    }
}
