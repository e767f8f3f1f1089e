package dev.segmentagent.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the catalog's derivations into the one SELECT that computes customer_features (pure: no
 * connection). Shape:
 * <ol>
 *   <li>one CTE per source table: a single GROUP BY scan whose aggregates each carry their own FILTER
 *       (window and row filters), so 30 order fields cost one pass over orders, not 30;</li>
 *   <li>{@code base}: the customers spine LEFT JOINed to those CTEs; counts and sums of customers without
 *       rows become 0, everything else stays NULL;</li>
 *   <li>the outer projection computes ratios and differences from base columns (operands inlined, which
 *       evaluates them in dependency order; the loader rejected cycles) and casts each column to its
 *       catalog type.</li>
 * </ol>
 * Every row of a dated table is cut at as-of ({@code ts < asOf}); a window of N days is
 * {@code ts >= asOf - N days}. So a rebuild as of an earlier instant reproduces what was known then.
 */
final class FeatureSql {

    static final String SPINE_TABLE = "customers";
    static final String FEATURE_TABLE = "customer_features";
    static final String KEY = "customer_id";
    static final String MODEL_SCORES_TABLE = "model_scores";
    static final String CLUSTER_TABLE = "cluster_assignments";

    private FeatureSql() {
    }

    /** The fields a computed field is made of (empty for fields read from the warehouse). */
    static List<String> operands(Derivation derivation) {
        if (derivation instanceof Derivation.Ratio ratio) {
            return List.of(ratio.numerator(), ratio.denominator());
        }
        if (derivation instanceof Derivation.Difference difference) {
            return List.of(difference.minuend(), difference.subtrahend());
        }
        return List.of();
    }

    static String select(Catalog catalog, Instant asOf) {
        return select(catalog, asOf, null);
    }

    /**
     * The same SELECT limited to some customers: every scan and the spine gain {@code key IN (<ids>)}, so
     * customers new events brought (no feature row yet) get whole rows from the very derivations of a full
     * build. The ids are written as numeric literals (typed longs: nothing else can appear) rather than read
     * from a sub-query, because a literal list lets DuckDB skip row groups whose customer_id range (zone map)
     * misses it and needs no temporary table.
     */
    static String select(Catalog catalog, Instant asOf, java.util.Collection<Long> customerIds) {
        return select(catalog, asOf, customerIds, null);
    }

    /**
     * The fields whose value can change when rows of these tables change: those aggregated or read from them,
     * and computed fields (ratio, difference) with such an operand, at any depth. Catalog order.
     */
    static List<String> fieldsReading(Catalog catalog, java.util.Set<String> tables) {
        List<String> result = new ArrayList<>();
        for (FieldSpec field : catalog.fields()) {
            if (reads(catalog, field.name(), tables, 0)) {
                result.add(field.name());
            }
        }
        return result;
    }

    private static boolean reads(Catalog catalog, String name, java.util.Set<String> tables, int depth) {
        if (depth > catalog.fields().size()) {
            return true; // the loader rejects cycles; if one slipped through, recompute rather than loop
        }
        Derivation derivation = catalog.field(name).map(FieldSpec::derivation).orElse(null);
        if (derivation instanceof Derivation.Column column) {
            return tables.contains(column.table());
        }
        if (derivation instanceof Derivation.Aggregate aggregate) {
            return tables.contains(aggregate.table());
        }
        if (derivation instanceof Derivation.ModelOutput output) {
            return tables.contains(modelTable(output.output()));
        }
        return operands(derivation).stream().anyMatch(operand -> reads(catalog, operand, tables, depth + 1));
    }

    /** The tables the SELECT for these output fields reads: the spine and each needed field's source. */
    static java.util.Set<String> tablesOf(Catalog catalog, java.util.Collection<String> fields) {
        java.util.Set<String> tables = new java.util.TreeSet<>();
        tables.add(SPINE_TABLE);
        for (String name : withOperands(catalog, fields)) {
            Derivation derivation = catalog.field(name).map(FieldSpec::derivation).orElse(null);
            if (derivation instanceof Derivation.Column column) {
                tables.add(column.table());
            } else if (derivation instanceof Derivation.Aggregate aggregate) {
                tables.add(aggregate.table());
            } else if (derivation instanceof Derivation.ModelOutput output) {
                tables.add(modelTable(output.output()));
            }
        }
        return tables;
    }

    /** {@code only} and, transitively, the operands its computed fields are made of. */
    private static java.util.Set<String> withOperands(Catalog catalog, java.util.Collection<String> only) {
        java.util.Set<String> needed = new java.util.HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(only);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (needed.add(name)) {
                catalog.field(name).map(FieldSpec::derivation).map(FeatureSql::operands).ifPresent(todo::addAll);
            }
        }
        return needed;
    }

    /**
     * The SELECT limited to some customers and, with {@code only}, to some output columns: the CTEs scan only
     * the tables those fields (and the operands of the computed ones) read, with the same expressions as a
     * full build, so each value equals the full build's. An incremental update after new web events then
     * scans web_events alone instead of every behavioural table.
     */
    static String select(Catalog catalog, Instant asOf, java.util.Collection<Long> customerIds,
                         java.util.Collection<String> only) {
        java.util.Set<String> needed = only == null ? null : withOperands(catalog, only);
        String subset = customerIds == null ? null : " IN (" + idList(customerIds) + ")";
        String asOfTs = SqlText.timestamp(asOf);
        TableSpec spine = catalog.table(SPINE_TABLE).orElseThrow(() -> new IllegalArgumentException("no customers table"));

        Map<String, List<String>> scans = new LinkedHashMap<>(); // source table -> aggregate select items
        List<String> baseItems = new ArrayList<>();
        baseItems.add("c." + SqlText.id(spine.customerKey()) + " AS " + SqlText.id(KEY));
        for (FieldSpec field : catalog.fields()) {
            if (needed != null && !needed.contains(field.name())) {
                continue;
            }
            Derivation derivation = field.derivation();
            String name = SqlText.id(field.name());
            if (derivation instanceof Derivation.Column column) {
                baseItems.add(columnExpression(column, asOf) + " AS " + name);
            } else if (derivation instanceof Derivation.Aggregate aggregate) {
                String alias = cteAlias(aggregate.table());
                scans.computeIfAbsent(aggregate.table(), t -> new ArrayList<>())
                        .add(aggregateExpression(catalog, field, aggregate, asOf) + " AS " + name);
                baseItems.add(baseExpression(aggregate.function(), alias + "." + name) + " AS " + name);
            } else if (derivation instanceof Derivation.ModelOutput output) {
                String table = modelTable(output.output());
                scans.computeIfAbsent(table, t -> new ArrayList<>()).add(modelExpression(output) + " AS " + name);
                baseItems.add(cteAlias(table) + "." + name + " AS " + name);
            }
        }

        StringBuilder sql = new StringBuilder("WITH ");
        for (Map.Entry<String, List<String>> scan : scans.entrySet()) {
            String table = scan.getKey();
            TableSpec spec = catalog.table(table).orElse(new TableSpec(table, null, null, KEY));
            sql.append(cteAlias(table)).append(" AS (\n  SELECT ").append(SqlText.id(spec.customerKey())).append(" AS ")
                    .append(SqlText.id(KEY)).append(",\n    ").append(String.join(",\n    ", scan.getValue()))
                    .append("\n  FROM ").append(SqlText.id(table));
            List<String> where = new ArrayList<>();
            if (spec.dated()) {
                where.add(SqlText.id(spec.timeColumn()) + " < " + asOfTs);
            }
            if (subset != null) {
                where.add(SqlText.id(spec.customerKey()) + subset);
            }
            if (!where.isEmpty()) {
                sql.append("\n  WHERE ").append(String.join(" AND ", where));
            }
            sql.append("\n  GROUP BY 1),\n");
        }
        sql.append("base AS (\n  SELECT ").append(String.join(",\n    ", baseItems))
                .append("\n  FROM ").append(SqlText.id(SPINE_TABLE)).append(" c");
        for (String table : scans.keySet()) {
            String alias = cteAlias(table);
            sql.append("\n  LEFT JOIN ").append(alias).append(" ON ").append(alias).append('.').append(SqlText.id(KEY))
                    .append(" = c.").append(SqlText.id(spine.customerKey()));
        }
        List<String> spineWhere = new ArrayList<>();
        if (spine.dated()) {
            spineWhere.add("c." + SqlText.id(spine.timeColumn()) + " < " + asOfTs);
        }
        if (subset != null) {
            spineWhere.add("c." + SqlText.id(spine.customerKey()) + subset);
        }
        if (!spineWhere.isEmpty()) {
            sql.append("\n  WHERE ").append(String.join(" AND ", spineWhere));
        }
        sql.append(")\nSELECT b.").append(SqlText.id(KEY));
        for (FieldSpec field : catalog.fields()) {
            if (only != null && !only.contains(field.name())) {
                continue;
            }
            sql.append(",\n  CAST(").append(outerExpression(catalog, field.name())).append(" AS ")
                    .append(sqlType(field.type())).append(") AS ").append(SqlText.id(field.name()));
        }
        return sql.append("\nFROM base b").toString();
    }

    /** Distinct ids, ascending, as numeric literals. */
    static String idList(java.util.Collection<Long> customerIds) {
        return customerIds.stream().distinct().sorted().map(id -> Long.toString(id))
                .collect(Collectors.joining(", "));
    }

    static String sqlType(FieldType type) {
        return switch (type) {
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DOUBLE";
            case STRING, ENUM -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    private static String cteAlias(String table) {
        return SqlText.id("s_" + table);
    }

    private static String columnExpression(Derivation.Column column, Instant asOf) {
        String value = "c." + SqlText.id(column.column());
        return switch (column.transform()) {
            case NONE -> value;
            // completed years at the as-of date (date_sub counts whole parts)
            case AGE_YEARS -> "date_sub('year', CAST(" + value + " AS DATE), " + SqlText.date(asOf) + ")";
            case DAYS_SINCE -> wholeDaysSince("CAST(" + value + " AS TIMESTAMP)", asOf);
        };
    }

    /** Whole 24-hour days, not calendar-day boundaries: 23 hours ago is 0 days. */
    private static String wholeDaysSince(String timestamp, Instant asOf) {
        return "(date_diff('second', " + timestamp + ", " + SqlText.timestamp(asOf) + ") // 86400)";
    }

    private static String aggregateExpression(Catalog catalog, FieldSpec field, Derivation.Aggregate aggregate,
                                              Instant asOf) {
        TableSpec table = catalog.table(aggregate.table()).orElseThrow();
        List<String> conditions = new ArrayList<>();
        if (aggregate.windowDays() != null) {
            Instant start = asOf.minus(Duration.ofDays(aggregate.windowDays()));
            conditions.add(SqlText.id(table.timeColumn()) + " >= " + SqlText.timestamp(start));
        }
        for (Derivation.RowFilter filter : aggregate.filters()) {
            conditions.add(rowFilter(filter));
        }
        String column = aggregate.column() == null ? null : SqlText.id(aggregate.column());
        boolean dayCount = aggregate.function() == Derivation.AggregateFunction.DAYS_SINCE_LAST
                || aggregate.function() == Derivation.AggregateFunction.DAYS_SINCE_FIRST;
        if (dayCount && !aggregate.column().equals(table.timeColumn())) {
            // e.g. opened_at of an email sent before as-of may lie after it
            conditions.add(column + " < " + SqlText.timestamp(asOf));
        }
        if (aggregate.function() == Derivation.AggregateFunction.MODE) {
            conditions.add(column + " IS NOT NULL");
        }
        String filter = conditions.isEmpty() ? "" : " FILTER (WHERE " + String.join(" AND ", conditions) + ")";
        return switch (aggregate.function()) {
            case COUNT -> "count(" + (column == null ? "*" : column) + ")" + filter;
            case COUNT_DISTINCT -> "count(DISTINCT " + column + ")" + filter;
            // Amounts are cents stored as DOUBLE: summing doubles gives 30.299999999999997 for 10.10 + 20.20, and a
            // segment "revenue >= 30.30" would then miss that customer. Sum as decimals, as event sums do.
            case SUM -> field.type() == FieldType.DECIMAL
                    ? "CAST(sum(CAST(" + column + " AS DECIMAL(38, 6)))" + filter + " AS DOUBLE)"
                    : "sum(" + column + ")" + filter;
            case AVG -> "avg(" + column + ")" + filter;
            case MIN -> "min(" + column + ")" + filter;
            case MAX -> "max(" + column + ")" + filter;
            case DAYS_SINCE_LAST -> wholeDaysSince("max(" + column + ")" + filter, asOf);
            case DAYS_SINCE_FIRST -> wholeDaysSince("min(" + column + ")" + filter, asOf);
            // value -> count map; the pick happens in base (see baseExpression)
            case MODE -> "histogram(" + column + ")" + filter;
        };
    }

    private static String baseExpression(Derivation.AggregateFunction function, String value) {
        return switch (function) {
            case COUNT, COUNT_DISTINCT, SUM -> "COALESCE(" + value + ", 0)";
            // most frequent value, ties to the smallest value: sort (-count, value) ascending, take the first
            case MODE -> "(list_sort(list_transform(map_entries(" + value
                    + "), lambda e: struct_pack(n := -CAST(e.value AS BIGINT), k := e.key))))[1].k";
            default -> value;
        };
    }

    private static String rowFilter(Derivation.RowFilter filter) {
        String column = SqlText.id(filter.column());
        List<String> values = filter.values();
        return switch (filter.op()) {
            case EQ -> column + " = " + SqlText.literal(values.get(0));
            case NE -> column + " <> " + SqlText.literal(values.get(0));
            case GT -> column + " > " + SqlText.literal(values.get(0));
            case GTE -> column + " >= " + SqlText.literal(values.get(0));
            case LT -> column + " < " + SqlText.literal(values.get(0));
            case LTE -> column + " <= " + SqlText.literal(values.get(0));
            case IN -> column + " IN (" + values.stream().map(SqlText::literal).collect(Collectors.joining(", ")) + ")";
            case NOT_IN -> column + " NOT IN (" + values.stream().map(SqlText::literal).collect(Collectors.joining(", ")) + ")";
            case IS_NULL -> column + " IS NULL";
            case IS_NOT_NULL -> column + " IS NOT NULL";
            case WEEKEND -> "isodow(" + column + ") IN (6, 7)";
            case WEEKDAY -> "isodow(" + column + ") BETWEEN 1 AND 5";
        };
    }

    static String modelTable(Derivation.ModelOutputKind output) {
        return output == Derivation.ModelOutputKind.SCORE || output == Derivation.ModelOutputKind.TIER
                ? MODEL_SCORES_TABLE : CLUSTER_TABLE;
    }

    static String modelColumn(Derivation.ModelOutputKind output) {
        return switch (output) {
            case SCORE -> "score";
            case TIER -> "tier";
            case CLUSTER_ID -> "cluster_id";
            case CLUSTER_NAME -> "cluster_name";
        };
    }

    /** model_scores holds one row per (model, customer) for the active version; max() only collapses that row. */
    private static String modelExpression(Derivation.ModelOutput output) {
        return "max(" + SqlText.id(modelColumn(output.output())) + ") FILTER (WHERE " + SqlText.id("model") + " = "
                + SqlText.literal(output.model()) + ")";
    }

    private static String outerExpression(Catalog catalog, String name) {
        Derivation derivation = catalog.field(name).orElseThrow().derivation();
        if (derivation instanceof Derivation.Ratio ratio) {
            String denominator = outerExpression(catalog, ratio.denominator());
            return "CASE WHEN " + denominator + " = 0 THEN NULL ELSE CAST(" + outerExpression(catalog, ratio.numerator())
                    + " AS DOUBLE) / " + denominator + " END";
        }
        if (derivation instanceof Derivation.Difference difference) {
            return "(" + outerExpression(catalog, difference.minuend()) + " - " + outerExpression(catalog, difference.subtrahend()) + ")";
        }
        return "b." + SqlText.id(name);
    }
}
