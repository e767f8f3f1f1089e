package dev.segmentagent.segment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Comparison operators, written in definitions as their symbols. */
public enum ComparisonOp {
    EQ("="), NE("!="), GT(">"), GTE(">="), LT("<"), LTE("<="),
    /** case-insensitive substring match, for text fields only */
    CONTAINS("contains");

    private final String symbol;

    ComparisonOp(String symbol) {
        this.symbol = symbol;
    }

    @JsonValue
    public String symbol() {
        return symbol;
    }

    public boolean isOrdering() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }

    @JsonCreator
    public static ComparisonOp fromSymbol(String symbol) {
        for (ComparisonOp op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operator '" + symbol + "'; use one of "
                + Arrays.stream(values()).map(ComparisonOp::symbol).collect(Collectors.joining(", ")));
    }
}
