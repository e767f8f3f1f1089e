package dev.segmentagent.segment;

import java.util.Map;
import java.util.Optional;

/** Looks up the current version of a saved segment by id, for {@code inSegment}. */
@FunctionalInterface
public interface SegmentResolver {

    Optional<SegmentDefinition> resolve(String segmentId);

    /** No saved segments: every inSegment is unknown. */
    static SegmentResolver none() {
        return id -> Optional.empty();
    }

    static SegmentResolver of(Map<String, SegmentDefinition> segments) {
        Map<String, SegmentDefinition> copy = Map.copyOf(segments);
        return id -> Optional.ofNullable(copy.get(id));
    }
}
