package dev.segmentagent.segment;

import dev.segmentagent.catalog.Catalog;

import java.util.Objects;

/**
 * What validation checks a definition against.
 *
 * @param clusters  the cluster names of the trained clustering models
 * @param segmentId the id of the segment being validated when it is a new version of a saved segment (so a
 *                  reference back to it is a cycle); null for a new, unsaved definition
 */
public record ValidationContext(Catalog catalog, ProfileLookup profiles, SegmentResolver segments, String segmentId,
                                ClusterNames clusters) {

    public ValidationContext {
        Objects.requireNonNull(catalog, "catalog");
        profiles = profiles == null ? ProfileLookup.none() : profiles;
        segments = segments == null ? SegmentResolver.none() : segments;
        clusters = clusters == null ? ClusterNames.unknown() : clusters;
    }

    /** A context that does not know the trained models' cluster names (cluster conditions are not name-checked). */
    public ValidationContext(Catalog catalog, ProfileLookup profiles, SegmentResolver segments, String segmentId) {
        this(catalog, profiles, segments, segmentId, ClusterNames.unknown());
    }

    public static ValidationContext of(Catalog catalog) {
        return new ValidationContext(catalog, ProfileLookup.none(), SegmentResolver.none(), null);
    }
}
