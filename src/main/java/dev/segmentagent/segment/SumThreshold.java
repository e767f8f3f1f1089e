package dev.segmentagent.segment;

/** The sum of an event measure over matching events: sum(measure) op value, e.g. sum(amount) >= 500. */
public record SumThreshold(String measure, ComparisonOp op, Double value) {}
