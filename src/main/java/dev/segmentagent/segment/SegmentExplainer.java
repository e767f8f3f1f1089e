package dev.segmentagent.segment;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.FieldSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a definition as plain English from the catalog's descriptions and units, one phrase per node type:
 * "Customers whose number of completed orders placed in the last 90 days is at least 3, and who did not buy
 * an item (category is shoes) in the last 90 days". Negation is pushed into the phrases ("is not", "did not",
 * "neither … nor …") so the sentence stays readable.
 */
public final class SegmentExplainer {

    private final Catalog catalog;

    public SegmentExplainer(Catalog catalog) {
        this.catalog = catalog;
    }

    public String explain(SegmentDefinition definition) {
        if (definition.condition() == null) {
            return "Every customer (no condition yet)";
        }
        return "Customers " + phrase(definition.condition(), false);
    }

    /** A relative clause for one condition ("whose age is between 25 and 34", "who ..."). */
    public String phrase(Condition c, boolean negated) {
        if (c instanceof Condition.Not not) {
            return phrase(not.condition(), !negated);
        }
        if (c instanceof Condition.And and) {
            List<String> parts = and.conditions().stream().map(x -> phrase(x, false)).toList();
            return negated ? "who do not meet all of: " + String.join(", and ", parts) : String.join(", and ", parts);
        }
        if (c instanceof Condition.Or or) {
            List<String> parts = or.conditions().stream().map(x -> phrase(x, false)).toList();
            if (parts.size() == 1) {
                return negated ? "who do not meet: " + parts.get(0) : parts.get(0);
            }
            String head = String.join(", ", parts.subList(0, parts.size() - 1));
            return (negated ? "neither " : "either ") + head + (negated ? " nor " : " or ") + parts.get(parts.size() - 1);
        }
        if (c instanceof Condition.Compare cmp) {
            return "whose " + label(cmp.field()) + " " + (negated ? "is not " : "is ") + opWords(cmp.op()) + " " + value(cmp.field(), cmp.value());
        }
        if (c instanceof Condition.Between b) {
            return "whose " + label(b.field()) + (negated ? " is not between " : " is between ") + value(b.field(), b.low())
                    + " and " + value(b.field(), b.high());
        }
        if (c instanceof Condition.In in) {
            List<String> values = in.values().stream().map(v -> value(in.field(), v)).toList();
            return "whose " + label(in.field()) + (negated ? " is none of " : " is one of ") + String.join(", ", values);
        }
        if (c instanceof Condition.IsNull n) {
            return "whose " + label(n.field()) + (negated ? " is known" : " is unknown");
        }
        if (c instanceof Condition.Event e) {
            return event(e, negated);
        }
        if (c instanceof Condition.Score s) {
            String model = catalog.model(s.model()).map(m -> strip(m.description())).orElse(s.model());
            if (s.tier() != null) {
                return "whose " + s.model() + " tier is " + (negated ? "not " : "") + s.tier();
            }
            return "whose " + lower(model) + " is " + (negated ? "not " : "") + opWords(s.op()) + " " + percent(s.value());
        }
        if (c instanceof Condition.Cluster cl) {
            return "who are " + (negated ? "not " : "") + "in the \"" + cl.cluster() + "\" cluster of " + cl.model();
        }
        if (c instanceof Condition.InSegment in) {
            return "who are " + (negated ? "not " : "") + "in segment \"" + in.segment() + "\"";
        }
        throw new IllegalArgumentException("no phrase for " + c.getClass().getSimpleName());
    }

    private String event(Condition.Event e, boolean negated) {
        boolean did = e.did() != negated;
        Optional<EventSpec> spec = catalog.event(e.event());
        String what = spec.map(s -> lower(strip(s.description()))).orElse(e.event().replace('_', ' '));
        // catalog event descriptions are past-tense verb phrases ("Bought an item."): "who did not" needs the bare form
        StringBuilder text = new StringBuilder(did ? "who " + what : "who did not do this: " + what);
        List<String> filters = new ArrayList<>();
        for (PropertyFilter f : e.where()) {
            String values = f.values().isEmpty() ? f.value().display() : String.join(", ",
                    f.values().stream().map(Literal::display).toList());
            filters.add(f.property() + " " + filterWords(f.op()) + " " + values);
        }
        if (!filters.isEmpty()) {
            text.append(" (").append(String.join(", ", filters)).append(")");
        }
        if (e.count() != null) {
            text.append(", ").append(opWords(e.count().op())).append(" ").append(e.count().value())
                    .append(e.count().value() == 1 ? " time" : " times");
        }
        if (e.sum() != null) {
            String unit = spec.flatMap(s -> s.measures().stream().filter(m -> m.name().equals(e.sum().measure())).findFirst())
                    .map(EventSpec.EventMeasure::unit).orElse(null);
            text.append(", with total ").append(e.sum().measure()).append(" ").append(opWords(e.sum().op())).append(" ")
                    .append(plain(BigDecimal.valueOf(e.sum().value()))).append(unit == null ? "" : " " + unit);
        }
        TimeWindow w = e.window();
        if (w == null) {
            text.append(", ever");
        } else if (w.lastDays() != null) {
            text.append(" in the last ").append(w.lastDays()).append(w.lastDays() == 1 ? " day" : " days");
        } else if (w.from() != null && w.to() != null) {
            text.append(" between ").append(w.from()).append(" and ").append(w.to().minusDays(1));
        } else if (w.from() != null) {
            text.append(" since ").append(w.from());
        } else if (w.to() != null) {
            text.append(" before ").append(w.to());
        }
        return text.toString();
    }

    private String label(String field) {
        return catalog.field(field).map(f -> lower(strip(f.description()))).orElse(field.replace('_', ' '));
    }

    private String value(String field, Literal literal) {
        Optional<FieldSpec> spec = catalog.field(field);
        String unit = spec.map(FieldSpec::unit).orElse(null);
        if (literal instanceof Literal.Number n) {
            if ("ratio".equalsIgnoreCase(unit)) {
                return plain(n.value().movePointRight(2)) + "%";
            }
            return plain(n.value()) + (unit == null ? "" : " " + unit);
        }
        if (literal instanceof Literal.Bool b) {
            return b.value() ? "yes" : "no";
        }
        return literal.display();
    }

    private static String percent(Double value) {
        return value == null ? "?" : plain(BigDecimal.valueOf(value).movePointRight(2)) + "%";
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** The first clause of a description, without its full stop or parenthesised detail. */
    private static String strip(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        String text = description.trim();
        int paren = text.indexOf(" (");
        if (paren > 0) {
            text = text.substring(0, paren);
        }
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String lower(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && !Character.isUpperCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }

    private static String opWords(ComparisonOp op) {
        return switch (op) {
            case EQ -> "equal to";
            case NE -> "other than";
            case GT -> "more than";
            case GTE -> "at least";
            case LT -> "below";
            case LTE -> "at most";
            case CONTAINS -> "containing";
        };
    }

    private static String filterWords(PropertyFilter.FilterOp op) {
        return switch (op) {
            case EQ -> "is";
            case NE -> "is not";
            case GT -> "above";
            case GTE -> "at least";
            case LT -> "below";
            case LTE -> "at most";
            case IN -> "is one of";
            case NOT_IN -> "is none of";
        };
    }
}
