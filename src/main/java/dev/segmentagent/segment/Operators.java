package dev.segmentagent.segment;

import dev.segmentagent.catalog.FieldType;

import java.util.Arrays;
import java.util.List;

/** Which comparison operators apply to which value types, declared once for fields and event properties. */
final class Operators {

    private Operators() {}

    static boolean allowed(FieldType type, ComparisonOp op) {
        if (op == ComparisonOp.CONTAINS) {
            return type == FieldType.STRING;
        }
        if (op.isOrdering()) {
            return type.isNumeric() || type.isTemporal();
        }
        return true; // = and != apply to every type
    }

    static List<String> allowedSymbols(FieldType type) {
        return Arrays.stream(ComparisonOp.values()).filter(op -> allowed(type, op)).map(ComparisonOp::symbol).toList();
    }

    static String typeName(FieldType type) {
        switch (type) {
            case INTEGER: return "a whole-number field";
            case DECIMAL: return "a numeric field";
            case STRING: return "a text field";
            case ENUM: return "an enum field";
            case BOOLEAN: return "a yes/no field";
            case DATE: return "a date field";
            default: return "a timestamp field";
        }
    }
}
