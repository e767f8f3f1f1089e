package dev.segmentagent.segment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster names a clustering model gave when it was last trained. Names are not in the catalog (they come
 * from the data), so without this a misspelt cluster would validate and silently select nobody.
 */
@FunctionalInterface
public interface ClusterNames {

    /**
     * @return the model's current cluster names (empty list: the model has not been trained yet), or empty when
     *         this context does not know the model's clusters (then the name is not checked)
     */
    Optional<List<String>> of(String model);

    static ClusterNames unknown() {
        return model -> Optional.empty();
    }

    static ClusterNames of(Map<String, List<String>> names) {
        Map<String, List<String>> copy = Map.copyOf(names);
        return model -> Optional.ofNullable(copy.get(model));
    }
}
