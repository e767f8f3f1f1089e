package dev.segmentagent.segment;

import dev.segmentagent.catalog.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The one place a {@link Literal} becomes a typed value for a field type: the validator uses it to report
 * VALUE_TYPE_MISMATCH, the compiler to produce bind parameters, so both agree on what a value means.
 *
 * <p>Results: INTEGER → Long (or Double for a fractional threshold), DECIMAL → Double, STRING/ENUM → String,
 * BOOLEAN → Boolean, DATE → LocalDate, TIMESTAMP → LocalDateTime in UTC (the warehouse convention).
 */
public final class TypedValues {

    private TypedValues() {}

    /** The typed value, or an {@link IllegalArgumentException} whose message is a sentence for the user. */
    public static Object bind(FieldType type, Literal literal) {
        switch (type) {
            case INTEGER:
            case DECIMAL: {
                if (!(literal instanceof Literal.Number n)) {
                    throw new IllegalArgumentException("expected a number, got " + describe(literal)
                            + (literal instanceof Literal.Text t && isNumber(t.value()) ? " (write it without quotes)" : ""));
                }
                BigDecimal value = n.value();
                if (type == FieldType.INTEGER && value.scale() <= 0) {
                    return value.longValueExact();
                }
                return value.doubleValue();
            }
            case STRING:
            case ENUM:
                if (!(literal instanceof Literal.Text t)) {
                    throw new IllegalArgumentException("expected text, got " + describe(literal)
                            + " (write it in quotes)");
                }
                return t.value();
            case BOOLEAN:
                if (!(literal instanceof Literal.Bool b)) {
                    throw new IllegalArgumentException("expected true or false, got " + describe(literal));
                }
                return b.value();
            case DATE:
                return date(literal);
            case TIMESTAMP:
                return timestamp(literal);
            default:
                throw new IllegalArgumentException("unsupported field type " + type);
        }
    }

    private static LocalDate date(Literal literal) {
        if (literal instanceof Literal.Text t) {
            try {
                return LocalDate.parse(t.value());
            } catch (DateTimeParseException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("expected an ISO date such as \"2024-03-31\", got " + describe(literal));
    }

    private static LocalDateTime timestamp(Literal literal) {
        if (literal instanceof Literal.Text t) {
            String text = t.value();
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException ignored) {
                // try the next ISO form
            }
            try {
                return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } catch (DateTimeParseException ignored) {
                // try the next ISO form
            }
            try {
                return LocalDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next ISO form
            }
            try {
                return LocalDate.parse(text).atStartOfDay();
            } catch (DateTimeParseException ignored) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("expected an ISO timestamp such as \"2024-03-31T18:00:00Z\" or a date, got "
                + describe(literal));
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String describe(Literal literal) {
        if (literal instanceof Literal.Text t) {
            return "the text \"" + SegmentJson.clip(t.value()) + "\"";
        }
        if (literal instanceof Literal.Number n) {
            return "the number " + n.value().toPlainString();
        }
        return "the boolean " + ((Literal.Bool) literal).value();
    }
}
