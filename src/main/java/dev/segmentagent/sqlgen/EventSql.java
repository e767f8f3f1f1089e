package dev.segmentagent.sqlgen;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.Derivation;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.TableSpec;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.Literal;
import dev.segmentagent.segment.PropertyFilter;
import dev.segmentagent.segment.TypedValues;

import java.time.Instant;
import java.util.List;

/**
 * The rows of one event condition: {@code FROM <table> e WHERE <window> AND <fixed filters> AND <property
 * filters>}, shared by the membership sub-query and the per-customer explanation so both count the same rows.
 */
final class EventSql {

    private final Catalog catalog;
    private final Instant asOf;
    private final SqlDialect dialect;

    EventSql(Catalog catalog, Instant asOf, SqlDialect dialect) {
        this.catalog = catalog;
        this.asOf = asOf;
        this.dialect = dialect;
    }

    EventSpec spec(Condition.Event e) {
        return catalog.event(e.event()).orElseThrow(() -> new SegmentCompileException("unknown event '" + e.event() + "'"));
    }

    String customerColumn(EventSpec spec) {
        return dialect.quote(catalog.table(spec.table()).map(TableSpec::customerKey).orElse("customer_id"));
    }

    /** Appends {@code FROM ... WHERE ...}; with {@code correlated}, restricted to the outer row's customer. */
    void rows(Sql sql, Condition.Event e, boolean correlated) {
        EventSpec spec = spec(e);
        String customer = "e." + customerColumn(spec);
        String ts = "e." + dialect.quote(spec.timestamp());
        EventWindow window = EventWindow.resolve(e.window(), asOf);
        sql.append(" FROM ").relation(spec.table()).append(" e WHERE ").append(customer).append(" IS NOT NULL");
        if (correlated) {
            sql.append(" AND ").append(customer).append(" = f.customer_id");
        }
        if (window.from() != null) {
            sql.append(" AND ").append(ts).append(" >= ").param(window.from());
        }
        sql.append(" AND ").append(ts).append(" < ").param(window.to());
        for (Derivation.RowFilter filter : spec.filters()) {
            sql.append(" AND ");
            fixedFilter(sql, filter);
        }
        for (PropertyFilter filter : e.where()) {
            sql.append(" AND ");
            propertyFilter(sql, spec, filter);
        }
    }

    /** Decimal places a measure value keeps when summed: far below a cent, far above binary noise. */
    static final int SUM_SCALE = 6;

    /**
     * The sum of a measure the event declares, as a DOUBLE. Each value is read as the decimal it stands for
     * ({@code DECIMAL(38, 6)}) and the sum is exact, so 10.10 + 20.20 is 30.30 and "spent at least 30.30" holds;
     * a plain DOUBLE sum gives 30.299999999999997 and would drop the customer (and vary with summation order).
     */
    String measureSum(Condition.Event e, String measure) {
        return "CAST(sum(CAST(" + measureColumn(e, measure) + " AS DECIMAL(38, " + SUM_SCALE + "))) AS DOUBLE)";
    }

    private String measureColumn(Condition.Event e, String measure) {
        EventSpec spec = spec(e);
        EventSpec.EventMeasure m = spec.measures().stream().filter(x -> x.name().equals(measure)).findFirst()
                .orElseThrow(() -> new SegmentCompileException("event " + spec.name() + " has no measure '" + measure + "'"));
        return "e." + dialect.quote(m.column());
    }

    /** Catalog-defined filters; their values come from the reviewed catalog but are bound all the same. */
    private void fixedFilter(Sql sql, Derivation.RowFilter filter) {
        String column = "e." + dialect.quote(filter.column());
        List<String> values = filter.values();
        switch (filter.op()) {
            case EQ -> sql.append(column).append(" = ").param(first(filter));
            case NE -> sql.append(column).append(" <> ").param(first(filter));
            case GT -> sql.append(column).append(" > ").param(first(filter));
            case GTE -> sql.append(column).append(" >= ").param(first(filter));
            case LT -> sql.append(column).append(" < ").param(first(filter));
            case LTE -> sql.append(column).append(" <= ").param(first(filter));
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    throw new SegmentCompileException("catalog filter on " + filter.column() + " has no values");
                }
                sql.append(column).append(filter.op() == Derivation.FilterOp.IN ? " IN (" : " NOT IN (");
                for (int i = 0; i < values.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").param(values.get(i));
                }
                sql.append(")");
            }
            case IS_NULL -> sql.append(column).append(" IS NULL");
            case IS_NOT_NULL -> sql.append(column).append(" IS NOT NULL");
            // ISO day of week: Saturday 6, Sunday 7
            case WEEKEND -> sql.append(dialect.isoDayOfWeek(column)).append(" >= 6");
            case WEEKDAY -> sql.append(dialect.isoDayOfWeek(column)).append(" <= 5");
            default -> throw new SegmentCompileException("unsupported catalog filter " + filter.op());
        }
    }

    private static String first(Derivation.RowFilter filter) {
        if (filter.values().isEmpty()) {
            throw new SegmentCompileException("catalog filter on " + filter.column() + " has no value");
        }
        return filter.values().get(0);
    }

    private void propertyFilter(Sql sql, EventSpec spec, PropertyFilter filter) {
        EventSpec.EventProperty property = spec.properties().stream().filter(p -> p.name().equals(filter.property()))
                .findFirst().orElseThrow(() -> new SegmentCompileException(
                        "event " + spec.name() + " has no property '" + filter.property() + "'"));
        String column = "e." + dialect.quote(property.column());
        // inside WHERE a NULL comparison already drops the row; COALESCE keeps the leaf two-valued regardless
        sql.append("COALESCE(").append(column);
        switch (filter.op()) {
            case IN, NOT_IN -> {
                sql.append(filter.op() == PropertyFilter.FilterOp.IN ? " IN (" : " NOT IN (");
                List<Literal> values = filter.values();
                if (values.isEmpty()) {
                    throw new SegmentCompileException("filter on " + property.name() + " has no values");
                }
                for (int i = 0; i < values.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").param(typed(property, values.get(i)));
                }
                sql.append(")");
            }
            default -> {
                if (filter.value() == null) {
                    throw new SegmentCompileException("filter on " + property.name() + " has no value");
                }
                sql.append(" ").append(FieldPredicates.operator(filterOp(filter.op()))).append(" ")
                        .param(typed(property, filter.value()));
            }
        }
        sql.append(", FALSE)");
    }

    private static ComparisonOp filterOp(PropertyFilter.FilterOp op) {
        return switch (op) {
            case EQ -> ComparisonOp.EQ;
            case NE -> ComparisonOp.NE;
            case GT -> ComparisonOp.GT;
            case GTE -> ComparisonOp.GTE;
            case LT -> ComparisonOp.LT;
            case LTE -> ComparisonOp.LTE;
            default -> throw new SegmentCompileException("not a scalar filter operator: " + op);
        };
    }

    private static Object typed(EventSpec.EventProperty property, Literal literal) {
        try {
            return TypedValues.bind(property.type(), literal);
        } catch (IllegalArgumentException e) {
            throw new SegmentCompileException("property " + property.name() + ": " + e.getMessage());
        }
    }
}
