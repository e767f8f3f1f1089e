package dev.segmentagent.live;

import dev.segmentagent.live.SegmentStore.SavedSegment;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreparedDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.SegmentResolver;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns saved segments into {@link LiveSegment}s through the same pipeline as preview and save (validate,
 * compile). A segment that no longer prepares (a field left the catalog, a reused segment was deleted) is
 * reported with its reason instead of stopping the others.
 */
@Singleton
class LiveSegmentLoader {

    private final SegmentStore store;
    private final DefinitionPipeline pipeline;
    private final SegmentResolver saved;

    LiveSegmentLoader(SegmentStore store, DefinitionPipeline pipeline, SegmentResolver saved) {
        this.store = store;
        this.pipeline = pipeline;
        this.saved = saved;
    }

    record Loaded(List<LiveSegment> ready, Map<SavedSegment, String> failed) {}

    Loaded all(Instant asOf) {
        return load(store.allActive(), asOf);
    }

    Loaded load(List<SavedSegment> segments, Instant asOf) {
        List<LiveSegment> ready = new ArrayList<>();
        Map<SavedSegment, String> failed = new java.util.LinkedHashMap<>();
        for (SavedSegment segment : segments) {
            try {
                ready.add(prepare(segment, asOf));
            } catch (RuntimeException e) {
                failed.put(segment, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return new Loaded(ready, failed);
    }

    SavedSegment saved(UUID id) {
        return store.current(id).orElseThrow(() -> new SegmentNotFoundException(id));
    }

    LiveSegment prepare(SavedSegment segment, Instant asOf) {
        UUID id = segment.segment().id();
        PreparedDefinition prepared = pipeline.prepare(SegmentJson.parse(segment.version().definitionJson()), asOf,
                id.toString());
        return new LiveSegment(id, segment.version().version(), segment.segment().name(), prepared,
                SegmentDependencies.of(prepared.definition(), prepared.catalog(), saved));
    }
}
