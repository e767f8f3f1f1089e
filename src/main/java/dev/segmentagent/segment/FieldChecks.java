package dev.segmentagent.segment;

import dev.segmentagent.catalog.Derivation;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.segmentagent.segment.ValidationCode.*;

/** Checks of the field leaves (compare, between, in, isNull) against the catalog and the field profiles. */
final class FieldChecks {

    private final ValidationContext context;
    private final List<ValidationIssue> issues;

    FieldChecks(ValidationContext context, List<ValidationIssue> issues) {
        this.context = context;
        this.issues = issues;
    }

    void compare(Condition.Compare c, String path) {
        Optional<FieldSpec> found = field(c.field(), path);
        if (found.isEmpty()) {
            return;
        }
        FieldSpec field = found.get();
        if (c.op() == null) {
            add(OPERATOR_NOT_ALLOWED, path + ".op", "the comparison has no operator", Operators.allowedSymbols(field.type()));
            return;
        }
        if (!Operators.allowed(field.type(), c.op())) {
            add(OPERATOR_NOT_ALLOWED, path + ".op", "operator '" + c.op().symbol() + "' does not apply to "
                    + field.name() + ", " + Operators.typeName(field.type()) + "; use one of "
                    + String.join(", ", Operators.allowedSymbols(field.type()))
                    + (field.type() == FieldType.ENUM ? " or an in condition" : ""), Operators.allowedSymbols(field.type()));
            return;
        }
        Optional<Object> value = value(field, c.value(), path + ".value");
        if (value.isPresent() && value.get() instanceof java.lang.Number number && field.type().isNumeric()) {
            thresholdRange(field, c.op(), number.doubleValue(), path + ".value");
        }
    }

    void between(Condition.Between b, String path) {
        Optional<FieldSpec> found = field(b.field(), path);
        if (found.isEmpty()) {
            return;
        }
        FieldSpec field = found.get();
        if (!(field.type().isNumeric() || field.type().isTemporal())) {
            add(OPERATOR_NOT_ALLOWED, path, "between needs a number, date or timestamp field; " + field.name()
                    + " is " + Operators.typeName(field.type()), List.of());
            return;
        }
        Optional<Object> low = value(field, b.low(), path + ".low");
        Optional<Object> high = value(field, b.high(), path + ".high");
        if (low.isEmpty() || high.isEmpty()) {
            return;
        }
        if (compareTyped(low.get(), high.get()) > 0) {
            add(INVALID_RANGE, path, "between has low " + b.low().display() + " above high " + b.high().display()
                    + ", so no customer can match; swap them", List.of());
            return;
        }
        if (field.type().isNumeric()) {
            double lo = ((java.lang.Number) low.get()).doubleValue();
            double hi = ((java.lang.Number) high.get()).doubleValue();
            Optional<FieldProfile> profile = context.profiles().profile(field.name());
            if (profile.isPresent() && profile.get().min() != null && profile.get().max() != null) {
                double min = profile.get().min();
                double max = profile.get().max();
                if (hi < min || lo > max) {
                    add(THRESHOLD_OUTSIDE_RANGE, path, "no customer has " + field.name() + " between " + fmt(field, lo)
                            + " and " + fmt(field, hi) + "; values range from " + fmt(field, min) + " to " + fmt(field, max), List.of());
                } else if (lo <= min && hi >= max) {
                    add(ALWAYS_TRUE, path, "between " + fmt(field, lo) + " and " + fmt(field, hi) + " covers every value of "
                            + field.name() + " (" + fmt(field, min) + " to " + fmt(field, max) + "), so it only excludes"
                            + " customers without a value", List.of());
                }
            }
        }
    }

    void in(Condition.In in, String path) {
        Optional<FieldSpec> found = field(in.field(), path);
        if (found.isEmpty()) {
            return;
        }
        for (int i = 0; i < in.values().size(); i++) {
            value(found.get(), in.values().get(i), path + ".values[" + i + "]");
        }
    }

    void isNull(Condition.IsNull n, String path) {
        Optional<FieldSpec> found = field(n.field(), path);
        if (found.isEmpty()) {
            return;
        }
        FieldSpec field = found.get();
        Optional<FieldProfile> profile = context.profiles().profile(field.name());
        boolean profiledNeverNull = profile.isPresent() && profile.get().nullFraction() != null
                && profile.get().nullFraction() == 0.0;
        if (profiledNeverNull || neverNullByDerivation(field)) {
            add(ALWAYS_FALSE, path, field.name() + " always has a value (customers without events get 0), so isNull "
                    + "matches no customer; compare it with 0 instead", List.of());
        }
    }

    /** Counts and sums default to 0 for customers without rows (see {@link Derivation.Aggregate}). */
    private static boolean neverNullByDerivation(FieldSpec field) {
        if (field.derivation() instanceof Derivation.Aggregate aggregate) {
            return aggregate.function() == Derivation.AggregateFunction.COUNT
                    || aggregate.function() == Derivation.AggregateFunction.COUNT_DISTINCT
                    || aggregate.function() == Derivation.AggregateFunction.SUM;
        }
        return false;
    }

    /** Resolves a field name, reporting unknown, deprecated and forbidden-PII fields. */
    Optional<FieldSpec> field(String name, String path) {
        String fieldPath = path + ".field";
        Optional<FieldSpec> found = name == null ? Optional.empty() : context.catalog().field(name);
        if (found.isEmpty()) {
            List<NameSuggester.Candidate> candidates = context.catalog().fields().stream()
                    .filter(f -> !f.deprecated() && (!f.pii() || f.piiConditionAllowed()))
                    .map(f -> new NameSuggester.Candidate(f.name(), f.synonyms())).toList();
            List<String> suggestions = NameSuggester.closest(name == null ? "" : name, candidates, 3);
            add(UNKNOWN_FIELD, fieldPath, "there is no field '" + SegmentJson.clip(String.valueOf(name)) + "'"
                    + (name == null ? "" : NameSuggester.nonAsciiNote(name))
                    + "; the closest are " + String.join(", ", suggestions), suggestions);
            return Optional.empty();
        }
        FieldSpec field = found.get();
        if (field.deprecated()) {
            add(DEPRECATED_FIELD, fieldPath, field.name() + " is deprecated; use " + field.deprecatedUse() + " instead",
                    List.of(field.deprecatedUse()));
        }
        if (field.pii() && !field.piiConditionAllowed()) {
            add(PII_NOT_ALLOWED, fieldPath, field.name() + " is personal data that segment conditions may not test",
                    List.of());
            return Optional.empty();
        }
        return found;
    }

    /** Types the value for the field and checks an enum's domain; empty when an issue was reported. */
    private Optional<Object> value(FieldSpec field, Literal literal, String path) {
        Object typed;
        try {
            typed = TypedValues.bind(field.type(), literal);
        } catch (IllegalArgumentException e) {
            add(VALUE_TYPE_MISMATCH, path, field.name() + " is " + Operators.typeName(field.type()) + ": "
                    + e.getMessage(), typeSuggestion(field, literal));
            return Optional.empty();
        }
        if (field.type() == FieldType.ENUM && !field.allowedValues().isEmpty() && !field.allowedValues().contains(typed)) {
            add(VALUE_NOT_IN_DOMAIN, path, literal.display() + " is not a value of " + field.name() + "; allowed: "
                    + String.join(", ", field.allowedValues()), closestValues((String) typed, field.allowedValues()));
            return Optional.empty();
        }
        return Optional.of(typed);
    }

    static List<String> closestValues(String value, List<String> allowed) {
        List<String> result = new ArrayList<>();
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.trim())) {
                result.add(a);
            }
        }
        for (String a : NameSuggester.closest(value, allowed.stream().map(n -> new NameSuggester.Candidate(n, List.of())).toList(), 3)) {
            if (!result.contains(a) && result.size() < 3) {
                result.add(a);
            }
        }
        return result;
    }

    private static List<String> typeSuggestion(FieldSpec field, Literal literal) {
        if (literal instanceof Literal.Text t) {
            String text = t.value().trim();
            if (field.type().isNumeric()) {
                try {
                    return List.of(new BigDecimal(text.replace("%", "")).toPlainString());
                } catch (NumberFormatException e) {
                    return List.of();
                }
            }
            if (field.type() == FieldType.BOOLEAN && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
                return List.of(text.toLowerCase(Locale.ROOT));
            }
        }
        return List.of();
    }

    /** Warns when a numeric threshold cannot be met by any customer, by profile (data) or declared bounds. */
    private void thresholdRange(FieldSpec field, ComparisonOp op, double value, String path) {
        Optional<FieldProfile> profile = context.profiles().profile(field.name());
        Double min = profile.map(FieldProfile::min).orElse(null);
        Double max = profile.map(FieldProfile::max).orElse(null);
        String source = "no customer has ";
        if (min == null && max == null) {
            min = field.min();
            max = field.max();
            source = "by definition no customer has ";
        }
        String unitHint = "ratio".equalsIgnoreCase(field.unit()) && value > 1 ? " (ratios are fractions: 10% is 0.1)" : "";
        String name = field.name();
        if (max != null && ((op == ComparisonOp.GT && value >= max) || (op == ComparisonOp.GTE && value > max))) {
            add(THRESHOLD_OUTSIDE_RANGE, path, source + name + " above " + fmt(field, value) + "; the highest is "
                    + fmt(field, max) + unitHint, List.of(fmt(field, max)));
        } else if (min != null && ((op == ComparisonOp.LT && value <= min) || (op == ComparisonOp.LTE && value < min))) {
            add(THRESHOLD_OUTSIDE_RANGE, path, source + name + " below " + fmt(field, value) + "; the lowest is "
                    + fmt(field, min), List.of(fmt(field, min)));
        } else if (op == ComparisonOp.EQ && ((max != null && value > max) || (min != null && value < min))) {
            add(THRESHOLD_OUTSIDE_RANGE, path, source + name + " equal to " + fmt(field, value) + "; values range from "
                    + (min == null ? "?" : fmt(field, min)) + " to " + (max == null ? "?" : fmt(field, max)) + unitHint, List.of());
        }
    }

    static String fmt(FieldSpec field, double value) {
        BigDecimal d = BigDecimal.valueOf(value);
        if (field.type() == FieldType.DECIMAL && Math.abs(value) >= 1) {
            return d.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return d.stripTrailingZeros().toPlainString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareTyped(Object a, Object b) {
        if (a instanceof java.lang.Number x && b instanceof java.lang.Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }

    private void add(ValidationCode code, String path, String message, List<String> suggestions) {
        issues.add(ValidationIssue.of(code, path, message, suggestions));
    }
}
