package dev.segmentagent.sqlgen;

import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Literal;
import dev.segmentagent.segment.TypedValues;

/** SQL for comparisons on customer_features columns and typed bind values for them. */
final class FieldPredicates {

    private FieldPredicates() {}

    static String column(FieldSpec field, SqlDialect dialect) {
        return "f." + dialect.quote(field.name());
    }

    static String operator(ComparisonOp op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            case CONTAINS -> throw new SegmentCompileException("contains is not an infix operator");
        };
    }

    static Object value(FieldSpec field, Literal literal) {
        try {
            return TypedValues.bind(field.type(), literal);
        } catch (IllegalArgumentException e) {
            throw new SegmentCompileException("field " + field.name() + ": " + e.getMessage());
        }
    }

    /** The operator/type pairs the validator allows; the compiler refuses the rest rather than guess. */
    static void requireAllowed(FieldSpec field, ComparisonOp op) {
        boolean ok = op == ComparisonOp.CONTAINS ? field.type() == FieldType.STRING
                : !op.isOrdering() || field.type().isNumeric() || field.type().isTemporal();
        if (!ok) {
            throw new SegmentCompileException("operator " + op.symbol() + " does not apply to " + field.type() + " field " + field.name());
        }
    }
}
