package dev.segmentagent.segment;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.math.BigDecimal;

/**
 * A constant in a condition, as written in JSON: a string, a number or a boolean. Dates and timestamps are
 * ISO strings interpreted by the field's type. Literals are only ever bound as SQL parameters.
 *
 * <p>Numbers are normalised (trailing zeros stripped) so that {@code 3}, {@code 3.0} and {@code 3.00} are the
 * same literal: definitions round-trip through canonical JSON and compare equal.
 */
@JsonSerialize(using = LiteralJackson.Serializer.class)
@JsonDeserialize(using = LiteralJackson.Deserializer.class)
public sealed interface Literal {

    record Text(String value) implements Literal {
        public Text {
            if (value == null) {
                throw new IllegalArgumentException("a text literal needs a value");
            }
        }
    }

    record Number(BigDecimal value) implements Literal {
        public Number {
            if (value == null) {
                throw new IllegalArgumentException("a number literal needs a value");
            }
            value = normalise(value);
        }

        private static BigDecimal normalise(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            // keep integers at scale 0 (1E+2 → 100) so toPlainString and equality are stable
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    record Bool(boolean value) implements Literal {}

    static Literal of(String value) { return new Text(value); }

    static Literal of(double value) { return new Number(BigDecimal.valueOf(value)); }

    static Literal of(long value) { return new Number(BigDecimal.valueOf(value)); }

    static Literal of(boolean value) { return new Bool(value); }

    /** The literal as a short display string: text in quotes, numbers plain, booleans as true/false. */
    default String display() {
        if (this instanceof Text t) {
            return "'" + t.value() + "'";
        }
        if (this instanceof Number n) {
            return n.value().toPlainString();
        }
        return Boolean.toString(((Bool) this).value());
    }
}
