package dev.segmentagent.live;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.Derivation;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentResolver;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a segment's membership depends on, read off its definition's AST (never off SQL text): the catalog
 * fields it compares, the event types it tests, the models whose scores or clusters it uses, the saved
 * segments it reuses (followed transitively), and the warehouse tables all of these are computed from.
 *
 * <p>A field computed from other fields (ratio, difference) depends on their tables too, so "new web events"
 * reaches a segment on {@code cart_to_order_ratio}. Model outputs depend on the model name and on the model
 * table, so retraining (a new model_scores) reaches every segment on that model.
 */
public record SegmentDependencies(Set<String> fields, Set<String> events, Set<String> models,
                                  Set<String> segments, Set<String> tables) {

    public SegmentDependencies {
        fields = Set.copyOf(fields);
        events = Set.copyOf(events);
        models = Set.copyOf(models);
        segments = Set.copyOf(segments);
        tables = Set.copyOf(tables);
    }

    /** True when any of the names is one of this segment's fields, events, models, segments or tables. */
    public boolean touchedBy(Set<String> names) {
        for (String name : names) {
            if (fields.contains(name) || events.contains(name) || models.contains(name) || segments.contains(name)
                    || tables.contains(name)) {
                return true;
            }
        }
        return false;
    }

    public static SegmentDependencies of(SegmentDefinition definition, Catalog catalog, SegmentResolver saved) {
        Walk walk = new Walk(catalog, saved);
        walk.condition(definition.condition());
        return new SegmentDependencies(walk.fields, walk.events, walk.models, walk.segments, walk.tables);
    }

    private static final class Walk {
        private final Catalog catalog;
        private final SegmentResolver saved;
        private final Set<String> fields = new TreeSet<>();
        private final Set<String> events = new TreeSet<>();
        private final Set<String> models = new TreeSet<>();
        private final Set<String> segments = new TreeSet<>();
        private final Set<String> tables = new TreeSet<>();
        private final Deque<String> stack = new ArrayDeque<>();

        Walk(Catalog catalog, SegmentResolver saved) {
            this.catalog = catalog;
            this.saved = saved;
        }

        void condition(Condition c) {
            if (c instanceof Condition.And and) {
                and.conditions().forEach(this::condition);
            } else if (c instanceof Condition.Or or) {
                or.conditions().forEach(this::condition);
            } else if (c instanceof Condition.Not not) {
                condition(not.condition());
            } else if (c instanceof Condition.Compare compare) {
                field(compare.field());
            } else if (c instanceof Condition.Between between) {
                field(between.field());
            } else if (c instanceof Condition.In in) {
                field(in.field());
            } else if (c instanceof Condition.IsNull isNull) {
                field(isNull.field());
            } else if (c instanceof Condition.Event event) {
                events.add(event.event());
                catalog.event(event.event()).map(EventSpec::table).ifPresent(tables::add);
            } else if (c instanceof Condition.Score score) {
                models.add(score.model());
                tables.add("model_scores");
            } else if (c instanceof Condition.Cluster cluster) {
                models.add(cluster.model());
                tables.add("cluster_assignments");
            } else if (c instanceof Condition.InSegment in) {
                segment(in.segment());
            }
        }

        private void segment(String id) {
            segments.add(id);
            if (stack.contains(id)) {
                return; // a cycle: the validator rejects it; here it must only not loop
            }
            stack.push(id);
            saved.resolve(id).map(SegmentDefinition::condition).ifPresent(this::condition);
            stack.pop();
        }

        private void field(String name) {
            if (!fields.add(name)) {
                return;
            }
            tables.add("customer_features");
            catalog.field(name).map(FieldSpec::derivation).ifPresent(this::derivation);
        }

        private void derivation(Derivation derivation) {
            if (derivation instanceof Derivation.Column column) {
                tables.add(column.table());
            } else if (derivation instanceof Derivation.Aggregate aggregate) {
                tables.add(aggregate.table());
            } else if (derivation instanceof Derivation.Ratio ratio) {
                operand(ratio.numerator());
                operand(ratio.denominator());
            } else if (derivation instanceof Derivation.Difference difference) {
                operand(difference.minuend());
                operand(difference.subtrahend());
            } else if (derivation instanceof Derivation.ModelOutput output) {
                models.add(output.model());
                tables.add(output.output() == Derivation.ModelOutputKind.SCORE
                        || output.output() == Derivation.ModelOutputKind.TIER ? "model_scores" : "cluster_assignments");
            }
        }

        /** An operand of a computed field: its source tables count, but it is not a field the definition names. */
        private void operand(String name) {
            catalog.field(name).map(FieldSpec::derivation).ifPresent(this::derivation);
        }
    }
}
