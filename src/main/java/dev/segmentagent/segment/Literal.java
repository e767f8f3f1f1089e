package dev.segmentagent.segment;

import java.math.BigDecimal;

/**
 * A constant in a condition, as written in JSON: a string, a number or a boolean. Dates and timestamps are
 * ISO strings interpreted by the field's type. Literals are only ever bound as SQL parameters.
 */
public sealed interface Literal {

    record Text(String value) implements Literal {}

    record Number(BigDecimal value) implements Literal {}

    record Bool(boolean value) implements Literal {}

    static Literal of(String value) { return new Text(value); }

    static Literal of(double value) { return new Number(BigDecimal.valueOf(value)); }

    static Literal of(long value) { return new Number(BigDecimal.valueOf(value)); }

    static Literal of(boolean value) { return new Bool(value); }
}
