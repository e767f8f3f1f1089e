package dev.segmentagent.segment;

/**
 * A segment: a named condition over one customer. The definition says *what*; when it is evaluated (the as-of
 * instant) is a property of each evaluation, so one saved definition yields reproducible results per as-of.
 */
public record SegmentDefinition(String name, String description, Condition condition) {}
