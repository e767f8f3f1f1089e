package dev.segmentagent.live;

import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.SegmentResolver;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

/** Resolves {@code inSegment} references to the current version of a saved, active segment. */
@Singleton
class SavedSegmentResolver implements SegmentResolver {

    private final SegmentStore store;

    SavedSegmentResolver(SegmentStore store) {
        this.store = store;
    }

    @Override
    public Optional<SegmentDefinition> resolve(String segmentId) {
        UUID id;
        try {
            id = UUID.fromString(segmentId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return store.current(id).map(saved -> SegmentJson.parse(saved.version().definitionJson()));
    }
}
