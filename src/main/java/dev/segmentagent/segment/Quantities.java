package dev.segmentagent.segment;

import dev.segmentagent.catalog.Derivation;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Numbers and operators as words, by the catalog unit: money as "€1,200", shares and probabilities as
 * "70%", durations as "30 days", counts as "at least 3 …". One place so every sentence formats the same way.
 */
final class Quantities {

    /** Units that measure something rather than count things: an integer field in them is not a count. */
    private static final Set<String> MEASURES = Set.of("days", "weeks", "months", "years", "hours", "minutes",
            "seconds", "eur", "score", "ratio", "probability", "percent");

    private Quantities() {
    }

    /** A field whose value is a number of things (orders, emails, sessions): it reads "with at least 3 …". */
    static boolean isCount(FieldSpec field) {
        String unit = field.unit();
        return field.type() == FieldType.INTEGER && unit != null && unit.chars().allMatch(Character::isLetter)
                && !MEASURES.contains(unit.toLowerCase(Locale.ROOT)) && !isChange(field);
    }

    /**
     * A trend: a difference of two fields labelled as a change ("change in email open rate"); it reads "rose
     * by" / "fell by". Other differences (orders in the previous quarter) are plain quantities.
     */
    static boolean isChange(FieldSpec field) {
        return field.derivation() instanceof Derivation.Difference && field.label().startsWith(CHANGE);
    }

    /** The label of a trend names what changed after this prefix. */
    static final String CHANGE = "change in ";

    static boolean isPercent(String unit) {
        return unit != null && (unit.equalsIgnoreCase("ratio") || unit.equalsIgnoreCase("probability"));
    }

    /** A number in its unit: €1,200 / 70% / 30 days / 1 day / 4.5 (a unit such as "rating 1-5" is left off). */
    static String amount(BigDecimal value, String unit) {
        if (unit == null) {
            return plain(value);
        }
        if (unit.equalsIgnoreCase("EUR")) {
            return money(value);
        }
        if (isPercent(unit)) {
            return plain(value.movePointRight(2)) + "%";
        }
        if (unit.chars().allMatch(Character::isLetter) && !unit.equalsIgnoreCase("score")) {
            return plain(value) + " " + (value.compareTo(BigDecimal.ONE) == 0 ? singular(unit) : unit);
        }
        return plain(value);
    }

    /** Both ends of a range: "between 25 and 34 years", "between €100 and €500", "between 10% and 20%". */
    static String range(BigDecimal low, BigDecimal high, String unit) {
        boolean suffixUnit = unit != null && !unit.equalsIgnoreCase("EUR") && !isPercent(unit);
        String lowText = suffixUnit ? plain(low) : amount(low, unit);
        return "between " + lowText + " and " + amount(high, unit);
    }

    /** A change in the unit: ratios change by percentage points, not percent. */
    static String change(BigDecimal magnitude, String unit) {
        if (isPercent(unit)) {
            return plain(magnitude.movePointRight(2)) + " percentage points";
        }
        return amount(magnitude, unit);
    }

    static String money(BigDecimal value) {
        BigDecimal abs = value.abs();
        String pattern = abs.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0";
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return (value.signum() < 0 ? "-€" : "€") + format.format(abs);
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** The words before a number: "at least", "more than", "below"; EQ has none ("whose age is 30 years"). */
    static String compared(ComparisonOp op) {
        return switch (op) {
            case EQ -> "";
            case NE -> "not ";
            case GT -> "more than ";
            case GTE -> "at least ";
            case LT -> "below ";
            case LTE -> "at most ";
            case CONTAINS -> "containing ";
        };
    }

    /** The words before a count: "at least 3", "fewer than 3", "no" (for = 0 and < 1), "any" (for >= 1 and > 0). */
    static String counted(ComparisonOp op, BigDecimal n) {
        boolean none = (op == ComparisonOp.EQ && n.signum() == 0) || (op == ComparisonOp.LTE && n.signum() == 0)
                || (op == ComparisonOp.LT && n.compareTo(BigDecimal.ONE) == 0);
        if (none) {
            return "no";
        }
        // "at least 1 orders" is wrong and "at least 1 order" fights the plural label: "any orders" reads right
        boolean any = (op == ComparisonOp.GTE && n.compareTo(BigDecimal.ONE) == 0) || (op == ComparisonOp.GT && n.signum() == 0);
        if (any) {
            return "any";
        }
        String number = plain(n);
        return switch (op) {
            case EQ -> "exactly " + number;
            case NE -> "other than " + number;
            case GT -> "more than " + number;
            case GTE -> "at least " + number;
            case LT -> "fewer than " + number;
            case LTE -> "at most " + number;
            case CONTAINS -> number;
        };
    }

    /** How often: "at least 2 times", "at least once", "more than once". */
    static String times(ComparisonOp op, long n) {
        String count = n == 1 ? "once" : n + " times";
        return switch (op) {
            case EQ -> "exactly " + count;
            case NE -> "not exactly " + count;
            case GT -> "more than " + count;
            case GTE -> "at least " + count;
            case LT -> "fewer than " + count;
            case LTE -> "at most " + count;
            case CONTAINS -> count;
        };
    }

    /** Dates compare as before/after: "whose latest order date is before 2025-01-01". */
    static String temporal(ComparisonOp op) {
        return switch (op) {
            case EQ -> "on ";
            case NE -> "not on ";
            case GT -> "after ";
            case GTE -> "on or after ";
            case LT -> "before ";
            case LTE -> "on or before ";
            case CONTAINS -> "containing ";
        };
    }

    /** The opposite comparison, so "not at least 3" reads "fewer than 3". CONTAINS has none (callers say "not"). */
    static ComparisonOp inverse(ComparisonOp op) {
        return switch (op) {
            case EQ -> ComparisonOp.NE;
            case NE -> ComparisonOp.EQ;
            case GT -> ComparisonOp.LTE;
            case GTE -> ComparisonOp.LT;
            case LT -> ComparisonOp.GTE;
            case LTE -> ComparisonOp.GT;
            case CONTAINS -> ComparisonOp.CONTAINS;
        };
    }

    /** "a", "a or b", "a, b or c". */
    static String either(List<String> items) {
        return join(items, " or ");
    }

    /** "a, b and c". */
    static String all(List<String> items) {
        return join(items, " and ");
    }

    /** "not a", "neither a nor b", "none of a, b or c". */
    static String neither(List<String> items) {
        if (items.size() == 1) {
            return "not " + items.get(0);
        }
        if (items.size() == 2) {
            return "neither " + items.get(0) + " nor " + items.get(1);
        }
        return "none of " + either(items);
    }

    private static String join(List<String> items, String last) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    private static String singular(String unit) {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }
}
