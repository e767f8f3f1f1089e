package dev.segmentagent.segment;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.FieldType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An event condition in words: the catalog's verb phrase, its property filters, the window, then how often
 * and how much: "who bought an item in the shoes or bags category in the last 90 days, at least 2 times, with
 * list price totalling at least €100".
 */
final class EventPhrases {

    private final Catalog catalog;

    EventPhrases(Catalog catalog) {
        this.catalog = catalog;
    }

    String event(Condition.Event e, boolean negated) {
        boolean did = e.did() != negated;
        Optional<EventSpec> spec = catalog.event(e.event());
        String verb = spec.map(s -> did ? s.didPhrase() : s.didNotPhrase())
                .orElse((did ? "had a " : "had no ") + e.event().replace('_', ' ') + " event");
        StringBuilder text = new StringBuilder("who ").append(verb);
        for (PropertyFilter f : e.where()) {
            text.append(' ').append(filter(spec, f));
        }
        text.append(window(e.window()));
        if (e.count() != null && e.count().value() != null) {
            text.append(", ").append(Quantities.times(e.count().op(), e.count().value()));
        }
        if (e.sum() != null && e.sum().value() != null) {
            Optional<EventSpec.EventMeasure> measure = spec.flatMap(s -> s.measures().stream()
                    .filter(m -> m.name().equals(e.sum().measure())).findFirst());
            String label = measure.map(EventSpec.EventMeasure::labelOrName).orElse(e.sum().measure().replace('_', ' '));
            String unit = measure.map(EventSpec.EventMeasure::unit).orElse(null);
            text.append(", with ").append(label).append(" totalling ").append(Quantities.compared(e.sum().op()))
                    .append(Quantities.amount(BigDecimal.valueOf(e.sum().value()), unit));
        }
        return text.toString();
    }

    private String filter(Optional<EventSpec> spec, PropertyFilter f) {
        Optional<EventSpec.EventProperty> property = spec.flatMap(s -> s.properties().stream()
                .filter(p -> p.name().equals(f.property())).findFirst());
        String label = property.map(EventSpec.EventProperty::labelOrName).orElse(f.property().replace('_', ' '));
        String phrase = property.map(EventSpec.EventProperty::phrase).orElse(null);
        String unit = property.map(EventSpec.EventProperty::unit).orElse(null);
        FieldType type = property.map(EventSpec.EventProperty::type).orElse(FieldType.STRING);
        List<Literal> literals = f.values().isEmpty() && f.value() != null ? List.of(f.value()) : f.values();
        List<String> values = new ArrayList<>();
        literals.forEach(l -> values.add(value(l, type, unit)));
        return switch (f.op()) {
            case EQ, IN -> phrase != null ? phrase.replace("{}", Quantities.either(values))
                    : "with " + label + " " + Quantities.either(values);
            case NE, NOT_IN -> phrase != null ? "not " + phrase.replace("{}", Quantities.either(values))
                    : "with " + label + " other than " + Quantities.either(values);
            case GT -> "with " + label + " of more than " + Quantities.either(values);
            case GTE -> "with " + label + " of at least " + Quantities.either(values);
            case LT -> "with " + label + " of less than " + Quantities.either(values);
            case LTE -> "with " + label + " of at most " + Quantities.either(values);
        };
    }

    private static String value(Literal literal, FieldType type, String unit) {
        if (literal instanceof Literal.Number n) {
            return Quantities.amount(n.value(), unit);
        }
        if (literal instanceof Literal.Text t && type == FieldType.STRING) {
            return "'" + t.value() + "'";
        }
        return literal instanceof Literal.Text t ? t.value() : literal.display();
    }

    private static String window(TimeWindow w) {
        if (w == null) {
            return "";
        }
        if (w.lastDays() != null) {
            return w.lastDays() == 1 ? " in the last day" : " in the last " + w.lastDays() + " days";
        }
        if (w.from() != null && w.to() != null) {
            // to is exclusive in the definition; people read ranges inclusively
            return " between " + w.from() + " and " + w.to().minusDays(1);
        }
        if (w.from() != null) {
            return " since " + w.from();
        }
        if (w.to() != null) {
            return " before " + w.to();
        }
        return "";
    }
}
