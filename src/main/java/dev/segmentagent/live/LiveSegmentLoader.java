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

    // Events re-evaluate segments many times a second; preparing every saved segment each time (metadata reads,
    // validation, compilation) would dominate. The cache is keyed by as-of and catalog and dropped on every
    // save or delete, which is when a definition (or one it reuses) can change.
    private volatile Cached cached;

    private record Cached(Instant asOf, Object catalog, Loaded loaded) {}

    Loaded allCached(Instant asOf, Object catalog) {
        Cached current = cached;
        if (current != null && current.asOf().equals(asOf) && current.catalog() == catalog) {
            return current.loaded();
        }
        Loaded loaded = all(asOf);
        cached = new Cached(asOf, catalog, loaded);
        return loaded;
    }

    void invalidate() {
        cached = null;
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
