package dev.segmentagent.sqlgen;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.segment.SegmentResolver;

import java.time.Instant;
import java.util.Objects;

/**
 * What compilation needs besides the definition: the catalog (the only source of identifiers), the as-of
 * instant that relative windows are resolved against, and the saved segments for inSegment.
 */
public record CompileContext(Catalog catalog, Instant asOf, SegmentResolver segments) {
    public CompileContext {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(asOf, "asOf");
        segments = segments == null ? SegmentResolver.none() : segments;
    }
}
