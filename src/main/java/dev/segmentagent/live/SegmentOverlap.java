package dev.segmentagent.live;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How much chosen segments share: member counts of every pair, from the materialised memberships. */
@Singleton
public class SegmentOverlap {

    private final MembershipQueries queries;
    private final SegmentStore store;

    SegmentOverlap(MembershipQueries queries, SegmentStore store) {
        this.queries = queries;
        this.store = store;
    }

    /** {@code shared[i][j]}: customers in both segment i and j ({@code shared[i][i]} is the size of i). */
    public record Matrix(List<UUID> ids, List<String> names, long[][] shared, double[][] jaccard) {}

    public Matrix overlap(List<UUID> ids) {
        List<String> names = new ArrayList<>();
        for (UUID id : ids) {
            names.add(store.current(id).orElseThrow(() -> new SegmentNotFoundException(id)).segment().name());
        }
        Map<UUID, Map<UUID, Long>> counts = queries.overlap(ids);
        int n = ids.size();
        long[][] shared = new long[n][n];
        double[][] jaccard = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                shared[i][j] = counts.get(ids.get(i)).get(ids.get(j));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long union = shared[i][i] + shared[j][j] - shared[i][j];
                jaccard[i][j] = union == 0 ? 0 : (double) shared[i][j] / union;
            }
        }
        return new Matrix(List.copyOf(ids), names, shared, jaccard);
    }
}
