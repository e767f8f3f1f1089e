package dev.segmentagent.catalog;

/** A field found by {@link FieldSearch}, with its combined score (0..1 per scorer weight). */
public record FieldHit(FieldSpec field, double score) {}
