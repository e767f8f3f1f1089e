package dev.segmentagent.segment;

/** Every issue {@link DefinitionValidator} can report, with its severity and a one-line meaning. */
public enum ValidationCode {
    EMPTY_DEFINITION(Severity.ERROR, "the definition has no condition"),
    EMPTY_GROUP(Severity.ERROR, "an and/or group has no conditions"),
    UNKNOWN_FIELD(Severity.ERROR, "the field is not in the catalog; suggestions name the closest fields"),
    DEPRECATED_FIELD(Severity.ERROR, "the field is deprecated; the message names its replacement"),
    PII_NOT_ALLOWED(Severity.ERROR, "the field is personal data that segment conditions may not test"),
    OPERATOR_NOT_ALLOWED(Severity.ERROR, "the operator does not apply to the field's or property's type"),
    VALUE_TYPE_MISMATCH(Severity.ERROR, "the value's type does not fit the field (text for a number, a non-ISO date, ...)"),
    VALUE_NOT_IN_DOMAIN(Severity.ERROR, "the value is not one of the enum's allowed values"),
    INVALID_RANGE(Severity.ERROR, "between has low greater than high"),
    THRESHOLD_OUTSIDE_RANGE(Severity.WARNING, "a threshold lies outside the field's declared or profiled min/max"),
    ALWAYS_TRUE(Severity.WARNING, "the condition holds for every customer (x or not x, between over the full range, ...)"),
    ALWAYS_FALSE(Severity.WARNING, "the condition holds for no customer (isNull on a never-null field, x and not x, ...)"),
    UNKNOWN_EVENT(Severity.ERROR, "the event type is not in the catalog"),
    UNKNOWN_PROPERTY(Severity.ERROR, "the event has no such property"),
    UNKNOWN_MEASURE(Severity.ERROR, "the event has no such measure to sum"),
    INVALID_WINDOW(Severity.ERROR, "lastDays outside 1..3650, or from not before to"),
    INVALID_THRESHOLD(Severity.ERROR, "a count threshold below zero"),
    UNKNOWN_MODEL(Severity.ERROR, "the model is not in the catalog"),
    MODEL_KIND_MISMATCH(Severity.ERROR, "a score condition on a clustering, or a cluster condition on a score model"),
    SCORE_OUT_OF_RANGE(Severity.ERROR, "a score threshold outside [0, 1]"),
    UNKNOWN_TIER(Severity.ERROR, "the score model has no such tier"),
    UNKNOWN_CLUSTER(Severity.ERROR, "the clustering model, as last trained, has no cluster of that name"),
    UNKNOWN_SEGMENT(Severity.ERROR, "inSegment names a segment that does not exist"),
    SEGMENT_CYCLE(Severity.ERROR, "segments refer to each other in a cycle (A uses B uses A)");

    private final Severity severity;
    private final String description;

    ValidationCode(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }
}
