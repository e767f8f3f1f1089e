package dev.segmentagent.catalog;

import java.util.List;

/**
 * What the data says about one field, over customer_features: how often it is missing, how many distinct
 * values it has, its range and, for low-cardinality categorical fields, its values with counts. The agent
 * uses these to pick sensible thresholds and valid values; the UI shows them next to each field.
 *
 * @param min        smallest value: a Number for numeric fields, an ISO string for dates/timestamps; null
 *                   for other types, for personal data, or when every value is null
 * @param topValues  values with counts, most frequent first (ties by value), for enum/boolean/string fields
 *                   with at most {@link FieldProfiler#LOW_CARDINALITY} distinct values; never for personal data
 */
public record FieldProfile(String field, long rows, long nonNull, double nullRate, long distinct,
                           Object min, Object max, List<ValueCount> topValues) {

    public FieldProfile {
        topValues = topValues == null ? List.of() : List.copyOf(topValues);
    }

    public record ValueCount(String value, long count) {}
}
