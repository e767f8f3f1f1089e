package dev.segmentagent.live;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Saved segments and their immutable versions. Every change inserts version n+1; nothing is overwritten, so
 * any earlier definition can be shown, compared or restored. Deleting is soft.
 */
@Singleton
public class SegmentStore {

    private final SegmentRepository segments;
    private final SegmentVersionRepository versions;
    private final Clock clock;

    SegmentStore(SegmentRepository segments, SegmentVersionRepository versions, Clock clock) {
        this.segments = segments;
        this.versions = versions;
        this.clock = clock;
    }

    /** A segment together with the version a read asked for (the current one unless stated). */
    public record SavedSegment(SegmentRecord segment, SegmentVersionRecord version) {}

    /** What a save or an update writes: the canonical definition and how it came about. */
    public record NewVersion(String name, String description, String definitionJson, String explanation,
                             String sourceRequest, String actor) {}

    @Transactional
    public SavedSegment create(NewVersion content) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        SegmentRecord segment = segments.save(new SegmentRecord(id, content.name(), content.description(), 1,
                SegmentRecord.ACTIVE, now, now, content.actor(), null));
        SegmentVersionRecord version = versions.save(versionRecord(id, 1, content, now));
        return new SavedSegment(segment, version);
    }

    /**
     * Adds the next version. Returns the current version unchanged when nothing differs, so a client that
     * saves twice does not create noise versions.
     */
    @Transactional
    public SavedSegment update(UUID id, NewVersion content) {
        SavedSegment current = current(id).orElseThrow(() -> new SegmentNotFoundException(id));
        SegmentRecord segment = current.segment();
        SegmentVersionRecord latest = current.version();
        boolean unchanged = latest.definitionJson().equals(content.definitionJson())
                && segment.name().equals(content.name())
                && java.util.Objects.equals(segment.description(), content.description());
        if (unchanged) {
            return current;
        }
        Instant now = clock.instant();
        int next = segment.currentVersion() + 1;
        SegmentVersionRecord version = versions.save(versionRecord(id, next, content, now));
        SegmentRecord updated = segments.update(new SegmentRecord(id, content.name(), content.description(), next,
                segment.status(), segment.createdAt(), now, segment.createdBy(), null));
        return new SavedSegment(updated, version);
    }

    @Transactional
    public SegmentRecord softDelete(UUID id) {
        SegmentRecord segment = segments.findById(id).filter(s -> !s.isDeleted())
                .orElseThrow(() -> new SegmentNotFoundException(id));
        Instant now = clock.instant();
        return segments.update(new SegmentRecord(id, segment.name(), segment.description(),
                segment.currentVersion(), SegmentRecord.DELETED, segment.createdAt(), now, segment.createdBy(), now));
    }

    /** The active segment with its current version; empty when unknown or deleted. */
    public Optional<SavedSegment> current(UUID id) {
        return segments.findById(id).filter(s -> !s.isDeleted())
                .flatMap(s -> versions.findBySegmentIdAndVersion(id, s.currentVersion())
                        .map(v -> new SavedSegment(s, v)));
    }

    public Optional<SavedSegment> version(UUID id, int version) {
        return segments.findById(id).filter(s -> !s.isDeleted())
                .flatMap(s -> versions.findBySegmentIdAndVersion(id, version).map(v -> new SavedSegment(s, v)));
    }

    /** All versions, newest first. */
    public List<SegmentVersionRecord> versions(UUID id) {
        segments.findById(id).filter(s -> !s.isDeleted()).orElseThrow(() -> new SegmentNotFoundException(id));
        return versions.findBySegmentIdOrderByVersionDesc(id);
    }

    /** Every active segment with its current version, oldest first (for live refreshes). */
    public List<SavedSegment> allActive() {
        return segments.findByStatusOrderByCreatedAt(SegmentRecord.ACTIVE).stream()
                .flatMap(s -> versions.findBySegmentIdAndVersion(s.id(), s.currentVersion())
                        .map(v -> new SavedSegment(s, v)).stream())
                .toList();
    }

    /** Active segments, optionally filtered by a case-insensitive name fragment. */
    public Page<SegmentRecord> list(String nameContains, Pageable pageable) {
        if (nameContains == null || nameContains.isBlank()) {
            return segments.findByStatus(SegmentRecord.ACTIVE, pageable);
        }
        String pattern = "%" + nameContains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return segments.findByStatusAndNameIlike(SegmentRecord.ACTIVE, pattern, pageable);
    }

    private static SegmentVersionRecord versionRecord(UUID segmentId, int version, NewVersion content,
                                                      Instant now) {
        return new SegmentVersionRecord(UUID.randomUUID(), segmentId, version, content.definitionJson(),
                content.explanation(), content.sourceRequest(), now, content.actor());
    }
}
