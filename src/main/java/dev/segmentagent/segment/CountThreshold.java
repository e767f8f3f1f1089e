package dev.segmentagent.segment;

/** How many matching events: count op value, e.g. >= 3. */
public record CountThreshold(ComparisonOp op, Long value) {}
