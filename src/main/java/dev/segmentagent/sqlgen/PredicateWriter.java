package dev.segmentagent.sqlgen;

import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.ModelSpec;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.CountThreshold;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SumThreshold;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Writes one condition tree as a boolean SQL expression over {@code customer_features f}, node by node.
 *
 * <p>Every leaf is wrapped so it is never NULL ({@code COALESCE(pred, FALSE)}, or an IS NULL test), which
 * makes AND/OR/NOT two-valued: NOT of a leaf on a missing value is true, as the Condition javadoc promises.
 */
final class PredicateWriter {

    static final String MODEL_SCORES = "model_scores";
    static final String CLUSTER_ASSIGNMENTS = "cluster_assignments";
    static final int MAX_SEGMENT_NESTING = 16;

    private final CompileContext context;
    private final EventSql events;
    private final Sql sql;
    private final Deque<String> segmentStack = new ArrayDeque<>();

    PredicateWriter(CompileContext context, Sql sql) {
        this.context = context;
        this.events = new EventSql(context.catalog(), context.asOf(), sql.dialect);
        this.sql = sql;
    }

    EventSql events() {
        return events;
    }

    void condition(Condition c) {
        if (c == null) {
            throw new SegmentCompileException("a condition is missing");
        }
        if (c instanceof Condition.And and) {
            group(and.conditions(), " AND ", "and");
        } else if (c instanceof Condition.Or or) {
            group(or.conditions(), " OR ", "or");
        } else if (c instanceof Condition.Not not) {
            sql.append("(NOT ");
            condition(not.condition());
            sql.append(")");
        } else if (c instanceof Condition.Compare compare) {
            compare(compare);
        } else if (c instanceof Condition.Between between) {
            FieldSpec field = field(between.field());
            if (!(field.type().isNumeric() || field.type().isTemporal())) {
                throw new SegmentCompileException("between does not apply to " + field.type() + " field " + field.name());
            }
            sql.append("COALESCE(").append(column(field)).append(" BETWEEN ")
                    .param(FieldPredicates.value(field, between.low())).append(" AND ")
                    .param(FieldPredicates.value(field, between.high())).append(", FALSE)");
        } else if (c instanceof Condition.In in) {
            FieldSpec field = field(in.field());
            if (in.values().isEmpty()) {
                throw new SegmentCompileException("in on " + field.name() + " has no values");
            }
            sql.append("COALESCE(").append(column(field)).append(" IN (");
            for (int i = 0; i < in.values().size(); i++) {
                sql.append(i == 0 ? "" : ", ").param(FieldPredicates.value(field, in.values().get(i)));
            }
            sql.append("), FALSE)");
        } else if (c instanceof Condition.IsNull isNull) {
            sql.append("(").append(column(field(isNull.field()))).append(" IS NULL)");
        } else if (c instanceof Condition.Event event) {
            event(event);
        } else if (c instanceof Condition.Score score) {
            score(score);
        } else if (c instanceof Condition.Cluster cluster) {
            cluster(cluster);
        } else if (c instanceof Condition.InSegment in) {
            inSegment(in);
        } else {
            throw new SegmentCompileException("no SQL rule for node " + c.getClass().getSimpleName());
        }
    }

    private void group(List<Condition> children, String joiner, String kind) {
        if (children.isEmpty()) {
            throw new SegmentCompileException("an empty " + kind + " group has no meaning; the validator reports EMPTY_GROUP");
        }
        sql.append("(");
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                sql.append(joiner);
            }
            condition(children.get(i));
        }
        sql.append(")");
    }

    private void compare(Condition.Compare c) {
        FieldSpec field = field(c.field());
        if (c.op() == null) {
            throw new SegmentCompileException("comparison on " + field.name() + " has no operator");
        }
        FieldPredicates.requireAllowed(field, c.op());
        Object value = FieldPredicates.value(field, c.value());
        String column = column(field);
        if (c.op() == ComparisonOp.CONTAINS) {
            sql.append("COALESCE(contains(lower(").append(column).append("), lower(").param(value).append(")), FALSE)");
        } else {
            sql.append("COALESCE(").append(column).append(" ").append(FieldPredicates.operator(c.op())).append(" ")
                    .param(value).append(", FALSE)");
        }
    }

    /**
     * did: the customer has at least one matching event and the thresholds hold; did=false: the negation,
     * so customers with no events at all are in it.
     */
    private void event(Condition.Event e) {
        if (!e.did()) {
            sql.append("(NOT ");
        }
        sql.append("COALESCE(f.customer_id IN (SELECT e.").append(events.customerColumn(events.spec(e)));
        events.rows(sql, e, false);
        CountThreshold count = e.count();
        SumThreshold sum = e.sum();
        if (count != null || sum != null) {
            sql.append(" GROUP BY e.").append(events.customerColumn(events.spec(e))).append(" HAVING ");
            if (count != null) {
                threshold(count.op(), count.value() == null ? null : count.value());
                sql.append("COALESCE(count(*) ").append(FieldPredicates.operator(count.op())).append(" ").param(count.value()).append(", FALSE)");
            }
            if (sum != null) {
                threshold(sum.op(), sum.value());
                sql.append(count != null ? " AND " : "").append("COALESCE(").append(events.measureSum(e, sum.measure()))
                        .append(" ").append(FieldPredicates.operator(sum.op())).append(" ").param(sum.value()).append(", FALSE)");
            }
        }
        sql.append("), FALSE)");
        if (!e.did()) {
            sql.append(")");
        }
    }

    private static void threshold(ComparisonOp op, Object value) {
        if (op == null || op == ComparisonOp.CONTAINS || value == null
                || (value instanceof Double d && !Double.isFinite(d))) {
            throw new SegmentCompileException("a threshold needs a numeric operator and a finite value");
        }
    }

    private void score(Condition.Score s) {
        model(s.model(), ModelSpec.Kind.SCORE);
        sql.append("COALESCE(f.customer_id IN (SELECT s.customer_id FROM ").relation(MODEL_SCORES)
                .append(" s WHERE s.model = ").param(s.model()).append(" AND ");
        if (s.tier() != null) {
            sql.append("s.tier = ").param(s.tier());
        } else {
            threshold(s.op(), s.value());
            sql.append("s.score ").append(FieldPredicates.operator(s.op())).append(" ").param(s.value());
        }
        sql.append("), FALSE)");
    }

    private void cluster(Condition.Cluster c) {
        model(c.model(), ModelSpec.Kind.CLUSTER);
        sql.append("COALESCE(f.customer_id IN (SELECT c.customer_id FROM ").relation(CLUSTER_ASSIGNMENTS)
                .append(" c WHERE c.model = ").param(c.model()).append(" AND c.cluster_name = ").param(c.cluster())
                .append("), FALSE)");
    }

    /** Inlines the referenced segment's current definition; a reference back onto the stack is a cycle. */
    private void inSegment(Condition.InSegment in) {
        String id = in.segment();
        if (segmentStack.contains(id)) {
            throw new SegmentCompileException("segments refer to each other in a cycle: "
                    + String.join(" uses ", segmentStack) + " uses " + id);
        }
        if (segmentStack.size() >= MAX_SEGMENT_NESTING) {
            throw new SegmentCompileException("segments nest deeper than " + MAX_SEGMENT_NESTING);
        }
        SegmentDefinition referenced = context.segments().resolve(id)
                .orElseThrow(() -> new SegmentCompileException("unknown segment '" + id + "'"));
        if (referenced.condition() == null) {
            throw new SegmentCompileException("segment '" + id + "' has no condition");
        }
        segmentStack.addLast(id);
        sql.append("(");
        condition(referenced.condition());
        sql.append(")");
        segmentStack.removeLast();
    }

    String column(FieldSpec field) {
        return FieldPredicates.column(field, sql.dialect);
    }

    FieldSpec field(String name) {
        FieldSpec field = context.catalog().field(name)
                .orElseThrow(() -> new SegmentCompileException("unknown field '" + name + "'"));
        if (field.pii() && !field.piiConditionAllowed()) {
            throw new SegmentCompileException("field " + name + " is personal data that conditions may not test");
        }
        return field;
    }

    private void model(String name, ModelSpec.Kind kind) {
        ModelSpec model = context.catalog().model(name)
                .orElseThrow(() -> new SegmentCompileException("unknown model '" + name + "'"));
        if (model.kind() != kind) {
            throw new SegmentCompileException("model " + name + " is a " + model.kind() + " model, not " + kind);
        }
    }

}
