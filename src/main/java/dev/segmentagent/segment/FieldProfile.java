package dev.segmentagent.segment;

/**
 * What profiling learnt about a field from the data; any part may be null when unknown.
 *
 * @param min / max      observed numeric bounds (dates as epoch days are not profiled here)
 * @param distinct       number of distinct non-null values
 * @param nullFraction   share of customers with no value, 0..1
 */
public record FieldProfile(Double min, Double max, Long distinct, Double nullFraction) {}
