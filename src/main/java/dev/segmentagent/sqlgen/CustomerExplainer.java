package dev.segmentagent.sqlgen;

import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentExplainer;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why is (or isn't) this customer in the segment? For one customer, every leaf condition with whether it held
 * and the actual values behind it (the field's value; the event count and sum in the window; the score,
 * tier or cluster), computed in one parameterised query with the same predicates membership uses.
 */
public final class CustomerExplainer {

    /** One leaf: its JSON path, its phrase, whether it held, and the values it was decided on. */
    public record LeafOutcome(String path, String phrase, boolean held, Map<String, Object> actual) {
        public LeafOutcome {
            actual = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(actual));
        }
    }

    /** {@code found} is false when the customer has no customer_features row (then nothing else is set). */
    public record CustomerExplanation(long customerId, boolean found, boolean member, List<LeafOutcome> leaves) {
        public CustomerExplanation {
            leaves = List.copyOf(leaves);
        }
    }

    private final DuckDbWarehouse warehouse;
    private final SqlPolicy policy;

    public CustomerExplainer(DuckDbWarehouse warehouse, SqlPolicy policy) {
        this.warehouse = warehouse;
        this.policy = policy;
    }

    public CustomerExplanation explain(SegmentDefinition definition, long customerId, CompileContext context) {
        if (definition.condition() == null) {
            throw new SegmentCompileException("the definition has no condition");
        }
        List<Map.Entry<String, Condition>> leaves = new ArrayList<>();
        collect(definition.condition(), "$.condition", leaves);

        Sql sql = new Sql(SqlDialect.DUCKDB);
        PredicateWriter writer = new PredicateWriter(context, sql);
        sql.append("SELECT ");
        writer.condition(definition.condition());
        sql.append(" AS member");
        List<List<String>> valueNames = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            sql.append(", ");
            new PredicateWriter(context, sql).condition(leaves.get(i).getValue());
            sql.append(" AS held_").append(Integer.toString(i));
            valueNames.add(values(leaves.get(i).getValue(), writer, sql));
        }
        sql.append(" FROM ").relation(SegmentCompiler.FEATURES).append(" f WHERE f.customer_id = ").param(customerId);

        SegmentExplainer phrases = new SegmentExplainer(context.catalog(), context.segments());
        try {
            return warehouse.readOnly(connection -> {
                String text = sql.text.toString();
                policy.check(connection, text);
                try (PreparedStatement statement = connection.prepareStatement(text)) {
                    Params.bind(statement, sql.params);
                    try (ResultSet rs = statement.executeQuery()) {
                        if (!rs.next()) {
                            return new CustomerExplanation(customerId, false, false, List.of());
                        }
                        int column = 1;
                        boolean member = rs.getBoolean(column++);
                        List<LeafOutcome> outcomes = new ArrayList<>();
                        for (int i = 0; i < leaves.size(); i++) {
                            boolean held = rs.getBoolean(column++);
                            Map<String, Object> actual = new LinkedHashMap<>();
                            for (String name : valueNames.get(i)) {
                                actual.put(name, rs.getObject(column++));
                            }
                            outcomes.add(new LeafOutcome(leaves.get(i).getKey(),
                                    phrases.phrase(leaves.get(i).getValue(), false), held, actual));
                        }
                        return new CustomerExplanation(customerId, true, member, outcomes);
                    }
                }
            });
        } catch (SQLException e) {
            throw new WarehouseException("customer explanation failed: " + e.getMessage(), e);
        }
    }

    /** Appends the value columns of a leaf and returns their names in order. */
    private static List<String> values(Condition leaf, PredicateWriter writer, Sql sql) {
        List<String> names = new ArrayList<>();
        if (leaf instanceof Condition.Compare c) {
            fieldValue(c.field(), writer, sql, names);
        } else if (leaf instanceof Condition.Between b) {
            fieldValue(b.field(), writer, sql, names);
        } else if (leaf instanceof Condition.In in) {
            fieldValue(in.field(), writer, sql, names);
        } else if (leaf instanceof Condition.IsNull n) {
            fieldValue(n.field(), writer, sql, names);
        } else if (leaf instanceof Condition.Event e) {
            sql.append(", (SELECT count(*)");
            writer.events().rows(sql, e, true);
            sql.append(")");
            names.add("count");
            if (e.sum() != null) {
                sql.append(", (SELECT ").append(writer.events().measureSum(e, e.sum().measure()));
                writer.events().rows(sql, e, true);
                sql.append(")");
                names.add("sum");
            }
        } else if (leaf instanceof Condition.Score s) {
            sql.append(", (SELECT max(s.score) FROM ").relation(PredicateWriter.MODEL_SCORES)
                    .append(" s WHERE s.model = ").param(s.model()).append(" AND s.customer_id = f.customer_id)");
            sql.append(", (SELECT max(s.tier) FROM ").relation(PredicateWriter.MODEL_SCORES)
                    .append(" s WHERE s.model = ").param(s.model()).append(" AND s.customer_id = f.customer_id)");
            names.add("score");
            names.add("tier");
        } else if (leaf instanceof Condition.Cluster c) {
            sql.append(", (SELECT max(c.cluster_name) FROM ").relation(PredicateWriter.CLUSTER_ASSIGNMENTS)
                    .append(" c WHERE c.model = ").param(c.model()).append(" AND c.customer_id = f.customer_id)");
            names.add("cluster");
        }
        return names;
    }

    private static void fieldValue(String field, PredicateWriter writer, Sql sql, List<String> names) {
        sql.append(", ").append(writer.column(writer.field(field)));
        names.add(field);
    }

    private static void collect(Condition c, String path, List<Map.Entry<String, Condition>> leaves) {
        if (c instanceof Condition.And and) {
            for (int i = 0; i < and.conditions().size(); i++) {
                collect(and.conditions().get(i), path + ".conditions[" + i + "]", leaves);
            }
        } else if (c instanceof Condition.Or or) {
            for (int i = 0; i < or.conditions().size(); i++) {
                collect(or.conditions().get(i), path + ".conditions[" + i + "]", leaves);
            }
        } else if (c instanceof Condition.Not not) {
            collect(not.condition(), path + ".condition", leaves);
        } else {
            leaves.add(Map.entry(path, c));
        }
    }
}
