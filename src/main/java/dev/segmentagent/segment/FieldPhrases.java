package dev.segmentagent.segment;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;

import java.math.BigDecimal;
import java.util.List;

/**
 * Phrases for the conditions on one customer field (compare, between, in, isNull), negation already pushed
 * in: counts read "who placed at least 3 completed orders …", booleans read as the catalog's predicates,
 * trends read "whose email open rate fell by more than 20 percentage points", the rest "whose age is …".
 */
final class FieldPhrases {

    private final Catalog catalog;

    FieldPhrases(Catalog catalog) {
        this.catalog = catalog;
    }

    String compare(Condition.Compare c, boolean negated) {
        FieldSpec field = field(c.field());
        if (c.op() == ComparisonOp.CONTAINS) {
            return "whose " + field.label() + (negated ? " does not contain " : " contains ") + value(field, c.value());
        }
        ComparisonOp op = negated ? Quantities.inverse(c.op()) : c.op();
        if (field.type() == FieldType.BOOLEAN && c.value() instanceof Literal.Bool b) {
            return bool(field, (op == ComparisonOp.EQ) == b.value());
        }
        if (c.value() instanceof Literal.Number n) {
            if (Quantities.isCount(field)) {
                return count(field, Quantities.counted(op, n.value()));
            }
            if (Quantities.isChange(field)) {
                return change(field, op, n.value());
            }
        }
        if (field.type().isTemporal()) {
            return "whose " + field.label() + " is " + Quantities.temporal(op) + value(field, c.value());
        }
        return "whose " + field.label() + " is " + Quantities.compared(op) + value(field, c.value());
    }

    String between(Condition.Between b, boolean negated) {
        FieldSpec field = field(b.field());
        if (b.low() instanceof Literal.Number low && b.high() instanceof Literal.Number high) {
            String range = Quantities.isChange(field) && Quantities.isPercent(field.unit())
                    ? "between " + Quantities.plain(low.value().movePointRight(2)) + " and "
                            + Quantities.change(high.value(), field.unit())
                    : Quantities.range(low.value(), high.value(), Quantities.isCount(field) ? null : field.unit());
            if (Quantities.isCount(field) && !negated) {
                return count(field, range);
            }
            String subject = Quantities.isCount(field) ? "whose number of " + countNoun(field) : "whose " + field.label();
            return subject + (negated ? " is not " : " is ") + range;
        }
        String words = field.type().isTemporal() ? "from " + value(field, b.low()) + " to " + value(field, b.high())
                : "between " + value(field, b.low()) + " and " + value(field, b.high());
        return "whose " + field.label() + (negated ? " is not " : " is ") + words;
    }

    String in(Condition.In in, boolean negated) {
        FieldSpec field = field(in.field());
        List<String> values = in.values().stream().map(v -> value(field, v)).toList();
        return "whose " + field.label() + " is " + (negated ? Quantities.neither(values) : Quantities.either(values));
    }

    String isNull(Condition.IsNull n, boolean negated) {
        FieldSpec field = field(n.field());
        String subject = Quantities.isCount(field) ? "whose number of " + countNoun(field) : "whose " + field.label();
        return subject + (negated ? " is known" : " is unknown");
    }

    /** A literal as it reads for this field: enum codes by their labels, text quoted, numbers in the unit. */
    String value(FieldSpec field, Literal literal) {
        if (literal instanceof Literal.Number n) {
            return Quantities.amount(n.value(), field.unit());
        }
        if (literal instanceof Literal.Bool b) {
            return b.value() ? "true" : "false";
        }
        String text = ((Literal.Text) literal).value();
        if (field.type() == FieldType.ENUM) {
            return field.valueLabel(text);
        }
        if (field.type().isTemporal()) {
            return text;
        }
        return "'" + text + "'";
    }

    private String bool(FieldSpec field, boolean holds) {
        String predicate = holds ? field.wording().whenTrue() : field.wording().whenFalse();
        if (predicate != null) {
            return "who " + predicate;
        }
        return (holds ? "with " : "without ") + field.label();
    }

    private String count(FieldSpec field, String quantity) {
        String verb = field.wording().countVerb();
        return (verb == null ? "with " : "who " + verb + " ") + quantity + " " + countNoun(field);
    }

    /** The label as the object of a count: a fallback label "number of orders …" loses its "number of". */
    private static String countNoun(FieldSpec field) {
        String label = field.label();
        return label.startsWith("number of ") ? label.substring("number of ".length()) : label;
    }

    private String change(FieldSpec field, ComparisonOp op, BigDecimal value) {
        String subject = field.label().substring(Quantities.CHANGE.length());
        int sign = value.signum();
        String direction = null;
        String bound = null;
        if ((op == ComparisonOp.LT || op == ComparisonOp.LTE) && sign <= 0) {
            direction = " fell by ";
            bound = op == ComparisonOp.LT ? "more than " : "at least ";
        } else if ((op == ComparisonOp.GT || op == ComparisonOp.GTE) && sign >= 0) {
            direction = " rose by ";
            bound = op == ComparisonOp.GT ? "more than " : "at least ";
        }
        if (direction == null || sign == 0) {
            // "fell by more than 0" is just "fell": say it plainly; other shapes read as a plain comparison
            if (direction != null) {
                return "whose " + subject + (op == ComparisonOp.LT ? " fell" : op == ComparisonOp.GT ? " rose"
                        : op == ComparisonOp.LTE ? " did not rise" : " did not fall");
            }
            return "whose " + field.label() + " is " + Quantities.compared(op) + Quantities.change(value, field.unit());
        }
        return "whose " + subject + direction + bound + Quantities.change(value.abs(), field.unit());
    }

    /** Unknown fields (the validator reports them) still read, by their name. */
    private FieldSpec field(String name) {
        return catalog.field(name).orElseGet(() -> new FieldSpec(name, null, FieldType.STRING, null, null, List.of(),
                List.of(), false, false, null, List.of(), null, null, null));
    }
}
