package dev.segmentagent.segment;

import java.util.Map;
import java.util.Optional;

/** Field name → its data profile, when the catalog has been profiled. */
@FunctionalInterface
public interface ProfileLookup {

    Optional<FieldProfile> profile(String field);

    static ProfileLookup none() {
        return field -> Optional.empty();
    }

    static ProfileLookup of(Map<String, FieldProfile> profiles) {
        Map<String, FieldProfile> copy = Map.copyOf(profiles);
        return field -> Optional.ofNullable(copy.get(field));
    }
}
