package dev.segmentagent.segment;

import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.FieldType;

import java.util.List;
import java.util.Optional;

import static dev.segmentagent.segment.ValidationCode.*;

/** Checks of an event node: event type, property filters, window, count and sum thresholds. */
final class EventChecks {

    static final int MAX_LAST_DAYS = 3650;

    private final ValidationContext context;
    private final List<ValidationIssue> issues;

    EventChecks(ValidationContext context, List<ValidationIssue> issues) {
        this.context = context;
        this.issues = issues;
    }

    void event(Condition.Event e, String path) {
        Optional<EventSpec> found = e.event() == null ? Optional.empty() : context.catalog().event(e.event());
        if (found.isEmpty()) {
            List<String> suggestions = NameSuggester.closest(String.valueOf(e.event()), context.catalog().events().stream()
                    .map(s -> new NameSuggester.Candidate(s.name(), s.synonyms())).toList(), 3);
            add(UNKNOWN_EVENT, path + ".event", "there is no event '" + SegmentJson.clip(String.valueOf(e.event())) + "'"
                    + NameSuggester.nonAsciiNote(String.valueOf(e.event())) + "; the closest are " + String.join(", ", suggestions), suggestions);
        }
        for (int i = 0; i < e.where().size(); i++) {
            if (found.isPresent()) {
                filter(found.get(), e.where().get(i), path + ".where[" + i + "]");
            }
        }
        window(e.window(), path + ".window");
        count(e, path);
        if (e.sum() != null && found.isPresent()) {
            String measure = e.sum().measure();
            boolean known = found.get().measures().stream().anyMatch(m -> m.name().equals(measure));
            if (!known) {
                List<String> names = found.get().measures().stream().map(EventSpec.EventMeasure::name).toList();
                add(UNKNOWN_MEASURE, path + ".sum.measure", "event " + found.get().name() + " has no measure '"
                        + SegmentJson.clip(String.valueOf(measure)) + "'; it has " + (names.isEmpty() ? "none" : String.join(", ", names)),
                        NameSuggester.closest(String.valueOf(measure), names.stream().map(n -> new NameSuggester.Candidate(n, List.of())).toList(), 3));
            }
        }
        if (e.sum() != null && (e.sum().op() == null || e.sum().op() == ComparisonOp.CONTAINS || e.sum().value() == null
                || !Double.isFinite(e.sum().value()))) {
            add(OPERATOR_NOT_ALLOWED, path + ".sum", "a sum threshold needs a numeric operator and a finite value", List.of());
        }
    }

    private void filter(EventSpec spec, PropertyFilter filter, String path) {
        Optional<EventSpec.EventProperty> property = spec.properties().stream()
                .filter(p -> p.name().equals(filter.property())).findFirst();
        if (property.isEmpty()) {
            List<String> names = spec.properties().stream().map(EventSpec.EventProperty::name).toList();
            add(UNKNOWN_PROPERTY, path + ".property", "event " + spec.name() + " has no property '"
                    + SegmentJson.clip(String.valueOf(filter.property())) + "'" + NameSuggester.nonAsciiNote(String.valueOf(filter.property()))
                    + "; it has " + (names.isEmpty() ? "none" : String.join(", ", names)),
                    NameSuggester.closest(String.valueOf(filter.property()), names.stream().map(n -> new NameSuggester.Candidate(n, List.of())).toList(), 3));
            return;
        }
        EventSpec.EventProperty p = property.get();
        boolean list = filter.op() == PropertyFilter.FilterOp.IN || filter.op() == PropertyFilter.FilterOp.NOT_IN;
        if (filter.op() == null) {
            add(OPERATOR_NOT_ALLOWED, path + ".op", "the filter has no operator", List.of());
            return;
        }
        boolean ordering = !list && filter.op() != PropertyFilter.FilterOp.EQ && filter.op() != PropertyFilter.FilterOp.NE;
        if (ordering && !(p.type().isNumeric() || p.type().isTemporal())) {
            add(OPERATOR_NOT_ALLOWED, path + ".op", "ordering operators do not apply to property " + p.name()
                    + ", " + Operators.typeName(p.type()) + "; use =, !=, in or notIn", List.of("=", "!=", "in", "notIn"));
            return;
        }
        if (list) {
            if (filter.values().isEmpty()) {
                add(VALUE_TYPE_MISMATCH, path + ".values", "in/notIn needs at least one value", List.of());
            }
            for (int i = 0; i < filter.values().size(); i++) {
                value(p, filter.values().get(i), path + ".values[" + i + "]");
            }
        } else if (filter.value() == null) {
            add(VALUE_TYPE_MISMATCH, path + ".value", "the filter has no value", List.of());
        } else {
            value(p, filter.value(), path + ".value");
        }
    }

    private void value(EventSpec.EventProperty p, Literal literal, String path) {
        Object typed;
        try {
            typed = TypedValues.bind(p.type(), literal);
        } catch (IllegalArgumentException e) {
            add(VALUE_TYPE_MISMATCH, path, "property " + p.name() + " is " + Operators.typeName(p.type()) + ": " + e.getMessage(), List.of());
            return;
        }
        if ((p.type() == FieldType.ENUM || p.type() == FieldType.STRING) && !p.allowedValues().isEmpty()
                && !p.allowedValues().contains(typed)) {
            add(VALUE_NOT_IN_DOMAIN, path, literal.display() + " is not a value of property " + p.name() + "; allowed: "
                    + String.join(", ", p.allowedValues()), FieldChecks.closestValues((String) typed, p.allowedValues()));
        }
    }

    private void window(TimeWindow window, String path) {
        if (window == null) {
            return;
        }
        if (window.lastDays() != null) {
            int days = window.lastDays();
            if (days < 1 || days > MAX_LAST_DAYS) {
                add(INVALID_WINDOW, path + ".lastDays", "lastDays must be between 1 and " + MAX_LAST_DAYS + "; got " + days,
                        List.of(String.valueOf(Math.max(1, Math.min(MAX_LAST_DAYS, days)))));
            }
            if (window.from() != null || window.to() != null) {
                add(INVALID_WINDOW, path, "a window is either relative (lastDays) or absolute (from/to), not both", List.of());
            }
        } else if (window.from() == null && window.to() == null) {
            add(INVALID_WINDOW, path, "the window has neither lastDays nor from/to; leave it out for all history", List.of());
        } else if (window.from() != null && window.to() != null && !window.from().isBefore(window.to())) {
            add(INVALID_WINDOW, path, "the window starts on " + window.from() + " but ends (exclusive) on " + window.to()
                    + ", so it contains no day; from must be before to", List.of());
        }
    }

    private void count(Condition.Event e, String path) {
        CountThreshold count = e.count();
        if (count == null) {
            return;
        }
        if (count.op() == null || count.op() == ComparisonOp.CONTAINS || count.value() == null) {
            add(OPERATOR_NOT_ALLOWED, path + ".count", "a count threshold needs a numeric operator and a whole number", List.of());
            return;
        }
        long v = count.value();
        if (v < 0) {
            add(INVALID_THRESHOLD, path + ".count.value", "an event count cannot be negative; got " + v, List.of("0"));
            return;
        }
        // "did" means at least one matching event; a threshold that only zero satisfies can never hold.
        ComparisonOp op = count.op();
        boolean onlyZero = (op == ComparisonOp.EQ && v == 0) || (op == ComparisonOp.LTE && v == 0)
                || (op == ComparisonOp.LT && v <= 1);
        if (onlyZero) {
            add(e.did() ? ALWAYS_FALSE : ALWAYS_TRUE, path + ".count",
                    "count " + op.symbol() + " " + v + " only allows zero events, but a customer who did the event has at"
                            + " least one; to mean \"never\", use did: false without a count", List.of());
        }
    }

    private void add(ValidationCode code, String path, String message, List<String> suggestions) {
        issues.add(ValidationIssue.of(code, path, message, suggestions));
    }
}
