package dev.segmentagent.segment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * A boolean condition over one customer: the node of a segment definition.
 *
 * <p>Semantics are two-valued on purpose: a leaf whose field is missing (null) for a customer is false, so
 * {@code not} of it is true. SQL's three-valued NULL logic would silently drop customers from negated
 * conditions ("did not spend over 100" would lose customers who never bought), which a marketer never means.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Condition.And.class, name = "and"),
        @JsonSubTypes.Type(value = Condition.Or.class, name = "or"),
        @JsonSubTypes.Type(value = Condition.Not.class, name = "not"),
        @JsonSubTypes.Type(value = Condition.Compare.class, name = "compare"),
        @JsonSubTypes.Type(value = Condition.Between.class, name = "between"),
        @JsonSubTypes.Type(value = Condition.In.class, name = "in"),
        @JsonSubTypes.Type(value = Condition.IsNull.class, name = "isNull"),
        @JsonSubTypes.Type(value = Condition.Event.class, name = "event"),
        @JsonSubTypes.Type(value = Condition.Score.class, name = "score"),
        @JsonSubTypes.Type(value = Condition.Cluster.class, name = "cluster"),
        @JsonSubTypes.Type(value = Condition.InSegment.class, name = "inSegment")
})
public sealed interface Condition {

    /** All of the conditions hold. */
    record And(List<Condition> conditions) implements Condition {
        public And { conditions = conditions == null ? List.of() : List.copyOf(conditions); }
    }

    /** At least one of the conditions holds. */
    record Or(List<Condition> conditions) implements Condition {
        public Or { conditions = conditions == null ? List.of() : List.copyOf(conditions); }
    }

    /** The condition does not hold. */
    record Not(Condition condition) implements Condition {}

    /** field op value, e.g. aov_365d >= 80. */
    record Compare(String field, ComparisonOp op, Literal value) implements Condition {}

    /** low <= field <= high (both ends inclusive). */
    record Between(String field, Literal low, Literal high) implements Condition {}

    /** field is one of the values. */
    record In(String field, List<Literal> values) implements Condition {
        public In { values = values == null ? List.of() : List.copyOf(values); }
    }

    /** field has no value for the customer. */
    record IsNull(String field) implements Condition {}

    /**
     * The customer did (or did not) do an event of a catalog event type, optionally with property filters,
     * within a time window, at least/most {@code count} times and/or with a summed measure threshold.
     * With no count and no sum, "did" means at least once.
     */
    record Event(String event, Boolean did, List<PropertyFilter> where, TimeWindow window,
                 CountThreshold count, SumThreshold sum) implements Condition {
        public Event {
            did = did == null ? Boolean.TRUE : did;
            where = where == null ? List.of() : List.copyOf(where);
        }
    }

    /** A model's score compared to a threshold (e.g. churn >= 0.7), or the model's tier equal to a name. */
    record Score(String model, ComparisonOp op, Double value, String tier) implements Condition {}

    /** Member of a named cluster of a clustering model. */
    record Cluster(String model, String cluster) implements Condition {}

    /** Member of another saved segment (its current version); cycles are rejected. */
    record InSegment(String segment) implements Condition {}
}
