package dev.segmentagent.interpret;

import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.CountThreshold;
import dev.segmentagent.segment.Literal;
import dev.segmentagent.segment.PropertyFilter;
import dev.segmentagent.segment.SumThreshold;
import dev.segmentagent.segment.TimeWindow;

import java.math.BigDecimal;
import java.util.List;

/** Short constructors for the definition nodes the planner writes. */
final class Nodes {

    private Nodes() {
    }

    static Condition compare(String field, ComparisonOp op, BigDecimal value) {
        return new Condition.Compare(field, op, new Literal.Number(value));
    }

    static Condition compare(String field, ComparisonOp op, double value) {
        return compare(field, op, BigDecimal.valueOf(value));
    }

    static Condition is(String field, String value) {
        return new Condition.Compare(field, ComparisonOp.EQ, Literal.of(value));
    }

    static Condition isTrue(String field) {
        return new Condition.Compare(field, ComparisonOp.EQ, Literal.of(true));
    }

    static Condition in(String field, List<String> values) {
        return values.size() == 1 ? is(field, values.get(0))
                : new Condition.In(field, values.stream().map(Literal::of).toList());
    }

    static Condition between(String field, BigDecimal low, BigDecimal high) {
        return new Condition.Between(field, new Literal.Number(low), new Literal.Number(high));
    }

    static Condition not(Condition condition) {
        if (condition instanceof Condition.Event e && e.count() == null && e.sum() == null) {
            return new Condition.Event(e.event(), !e.did(), e.where(), e.window(), null, null);
        }
        return condition instanceof Condition.Not n ? n.condition() : new Condition.Not(condition);
    }

    static Condition and(List<Condition> conditions) {
        return conditions.size() == 1 ? conditions.get(0) : new Condition.And(conditions);
    }

    static Condition or(List<Condition> conditions) {
        return conditions.size() == 1 ? conditions.get(0) : new Condition.Or(conditions);
    }

    static Condition.Event event(String event, List<PropertyFilter> where, TimeWindow window) {
        return new Condition.Event(event, true, where, window, null, null);
    }

    static Condition.Event eventCount(String event, List<PropertyFilter> where, TimeWindow window, ComparisonOp op,
                                      long value) {
        return new Condition.Event(event, true, where, window, new CountThreshold(op, value), null);
    }

    static Condition.Event eventSum(String event, String measure, TimeWindow window, ComparisonOp op,
                                    double value) {
        return new Condition.Event(event, true, List.of(), window, null, new SumThreshold(measure, op, value));
    }

    static PropertyFilter filter(String property, List<String> values) {
        return values.size() == 1
                ? new PropertyFilter(property, PropertyFilter.FilterOp.EQ, Literal.of(values.get(0)), null)
                : new PropertyFilter(property, PropertyFilter.FilterOp.IN, null,
                values.stream().map(Literal::of).toList());
    }
}
