package dev.segmentagent.sqlgen;

import java.util.List;
import java.util.Set;

/**
 * {@code SELECT f.customer_id FROM customer_features f WHERE <predicate>} with its bind parameters and the
 * relations it reads (for the policy check and for dependency tracking of live segments).
 */
public record CompiledSegment(String sql, List<Object> params, Set<String> relations) {
    public CompiledSegment {
        params = List.copyOf(params);
        relations = Set.copyOf(relations);
    }
}
