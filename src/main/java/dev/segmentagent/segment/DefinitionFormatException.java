package dev.segmentagent.segment;

/**
 * A segment definition's JSON is not in the definition format: wrong shape, unknown node type or property,
 * or beyond a documented size limit. Carries a stable code and the JSON path of the offending node so the
 * agent's repair loop (and a human) can fix exactly that spot.
 */
public class DefinitionFormatException extends RuntimeException {

    /** Why the JSON was rejected. */
    public enum Code {
        /** not parseable as JSON at all (syntax, duplicate key, trailing content) */
        MALFORMED_JSON,
        /** a condition's "type" is not one of the node types */
        UNKNOWN_NODE_TYPE,
        /** a property the node type does not have */
        UNKNOWN_PROPERTY,
        /** a required property is absent */
        MISSING_PROPERTY,
        /** a property has the wrong JSON type (e.g. an object where a scalar is required) */
        WRONG_JSON_TYPE,
        /** the JSON type is right but the value is not allowed (unknown operator, bad date, mixed forms) */
        INVALID_VALUE,
        /** a string contains control characters (NUL, escape, ...) */
        CONTROL_CHARACTER,
        /** the input is larger than {@link SegmentJson#MAX_INPUT_BYTES} */
        INPUT_TOO_LARGE,
        /** conditions nest deeper than {@link SegmentJson#MAX_DEPTH} */
        TOO_DEEP,
        /** more than {@link SegmentJson#MAX_NODES} condition nodes */
        TOO_MANY_NODES,
        /** a string longer than {@link SegmentJson#MAX_STRING_LENGTH} characters */
        STRING_TOO_LONG,
        /** an in/notIn list with more than {@link SegmentJson#MAX_IN_VALUES} values */
        TOO_MANY_VALUES,
        /** a number beyond ±{@link SegmentJson#MAX_MAGNITUDE}, with too many decimals, or NaN/Infinity */
        NUMBER_OUT_OF_RANGE
    }

    private final Code code;
    private final String path;
    private final String detail;

    public DefinitionFormatException(Code code, String path, String detail) {
        super(path + ": " + detail);
        this.code = code;
        this.path = path;
        this.detail = detail;
    }

    public Code code() {
        return code;
    }

    /** JSON path of the offending node, e.g. {@code $.condition.conditions[1].type}. */
    public String path() {
        return path;
    }

    /** The message without the path. */
    public String detail() {
        return detail;
    }
}
