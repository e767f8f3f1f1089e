package dev.segmentagent.segment;

import dev.segmentagent.catalog.Catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a definition as one plain-English sentence from the catalog's wording: "Customers who placed at
 * least 3 completed orders in the last 90 days and whose email open rate fell by more than 20 percentage
 * points". Negation is pushed down to the leaves (De Morgan for and/or; "did not", "is not", "fewer than",
 * "neither … nor …" in the leaves) because "who do not meet all of: …" is what a marketer cannot read.
 * The leaf phrases live in {@link FieldPhrases}, {@link EventPhrases} and {@link ModelPhrases}.
 */
public final class SegmentExplainer {

    private final FieldPhrases fields;
    private final EventPhrases events;
    private final ModelPhrases models;
    private final SegmentResolver segments;

    public SegmentExplainer(Catalog catalog) {
        this(catalog, SegmentResolver.none());
    }

    /** With the saved segments, so that inSegment reads by the segment's name rather than its id. */
    public SegmentExplainer(Catalog catalog, SegmentResolver segments) {
        this.fields = new FieldPhrases(catalog);
        this.events = new EventPhrases(catalog);
        this.models = new ModelPhrases(catalog);
        this.segments = segments == null ? SegmentResolver.none() : segments;
    }

    public String explain(SegmentDefinition definition) {
        if (definition.condition() == null) {
            return "Every customer (no condition yet)";
        }
        return "Customers " + phrase(definition.condition(), false);
    }

    /** A relative clause for one condition ("whose age is between 25 and 34 years", "who …", "with …"). */
    public String phrase(Condition c, boolean negated) {
        if (c instanceof Condition.Not not) {
            return phrase(not.condition(), !negated);
        }
        if (c instanceof Condition.And and) {
            return negated ? anyOf(and.conditions(), true) : allOf(and.conditions(), false);
        }
        if (c instanceof Condition.Or or) {
            return negated ? allOf(or.conditions(), true) : anyOf(or.conditions(), false);
        }
        if (c instanceof Condition.Compare cmp) {
            return fields.compare(cmp, negated);
        }
        if (c instanceof Condition.Between b) {
            return fields.between(b, negated);
        }
        if (c instanceof Condition.In in) {
            return fields.in(in, negated);
        }
        if (c instanceof Condition.IsNull n) {
            return fields.isNull(n, negated);
        }
        if (c instanceof Condition.Event e) {
            return events.event(e, negated);
        }
        if (c instanceof Condition.Score s) {
            return models.score(s, negated);
        }
        if (c instanceof Condition.Cluster cl) {
            return models.cluster(cl, negated);
        }
        if (c instanceof Condition.InSegment in) {
            String name = segments.resolve(in.segment()).map(SegmentDefinition::name)
                    .filter(n -> !n.isBlank()).map(n -> "the '" + n + "' segment").orElse("segment " + in.segment());
            return "who are " + (negated ? "not " : "") + "in " + name;
        }
        throw new IllegalArgumentException("no phrase for " + c.getClass().getSimpleName());
    }

    private String allOf(List<Condition> conditions, boolean negated) {
        if (conditions.isEmpty()) {
            return negated ? "(none: an empty condition)" : "(any: an empty condition)";
        }
        return Quantities.all(parts(conditions, negated));
    }

    private String anyOf(List<Condition> conditions, boolean negated) {
        if (conditions.isEmpty()) {
            return negated ? "(any: an empty condition)" : "(none: an empty condition)";
        }
        List<String> parts = parts(conditions, negated);
        return parts.size() == 1 ? parts.get(0) : "either " + Quantities.either(parts);
    }

    /**
     * A nested group that is followed by more of its parent's list is bracketed, so "A and (either B or C) and
     * D" keeps its grouping; a group in last place needs no brackets ("A and either B or C").
     */
    private List<String> parts(List<Condition> conditions, boolean negated) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            String text = phrase(conditions.get(i), negated);
            boolean last = i == conditions.size() - 1;
            parts.add(!last && isGroup(conditions.get(i)) ? "(" + text + ")" : text);
        }
        return parts;
    }

    private static boolean isGroup(Condition c) {
        Condition inner = c;
        while (inner instanceof Condition.Not not) {
            inner = not.condition();
        }
        return (inner instanceof Condition.And a && a.conditions().size() > 1)
                || (inner instanceof Condition.Or o && o.conditions().size() > 1);
    }
}
