package dev.segmentagent.live;

import dev.segmentagent.preview.PreparedDefinition;

import java.util.UUID;

/** A saved segment ready to evaluate: its current version compiled against one as-of, and its dependencies. */
record LiveSegment(UUID id, int version, String name, PreparedDefinition prepared, SegmentDependencies dependencies) {
}
