package dev.segmentagent.sqlgen;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.Derivation;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.Literal;
import dev.segmentagent.segment.PropertyFilter;
import dev.segmentagent.segment.SegmentResolver;
import dev.segmentagent.segment.TimeWindow;
import dev.segmentagent.warehouse.DuckDbWarehouse;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Evaluates a condition in plain Java over rows loaded from DuckDB, written from the language's documented
 * semantics and not from the compiler: leaves on missing values are false, NOT is plain negation, "did" means
 * at least one matching event with the thresholds holding, windows are [from, to) clipped at as-of, numbers
 * compare as doubles (as DuckDB compares a DOUBLE/BIGINT column with a bound double), and a summed measure is the
 * exact sum of the decimals stored (amounts in cents add up to whole cents: 10.10 + 20.20 is 30.30).
 */
final class ReferenceEvaluator {

    private final Catalog catalog;
    private final LocalDateTime asOf;
    private final SegmentResolver segments;
    private final Map<Long, Map<String, Object>> customers = new HashMap<>();
    private final Map<String, Map<Long, List<Map<String, Object>>>> eventRows = new HashMap<>();
    private final Map<String, Map<Long, List<Map<String, Object>>>> scores = new HashMap<>();
    private final Map<String, Map<Long, List<Map<String, Object>>>> clusters = new HashMap<>();

    ReferenceEvaluator(DuckDbWarehouse warehouse, Catalog catalog, Instant asOf, SegmentResolver segments) {
        this.catalog = catalog;
        this.asOf = LocalDateTime.ofInstant(asOf, ZoneOffset.UTC);
        this.segments = segments;
        try (Connection c = warehouse.connection()) {
            for (Map<String, Object> row : load(c, "customer_features")) {
                customers.put((Long) row.get("customer_id"), row);
            }
            for (EventSpec e : catalog.events()) {
                eventRows.computeIfAbsent(e.table(), t -> byCustomer(load(c, t), "customer_id"));
            }
            for (Map<String, Object> row : load(c, "model_scores")) {
                scores.computeIfAbsent((String) row.get("model"), m -> new HashMap<>())
                        .computeIfAbsent((Long) row.get("customer_id"), k -> new ArrayList<>()).add(row);
            }
            for (Map<String, Object> row : load(c, "cluster_assignments")) {
                clusters.computeIfAbsent((String) row.get("model"), m -> new HashMap<>())
                        .computeIfAbsent((Long) row.get("customer_id"), k -> new ArrayList<>()).add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    TreeSet<Long> members(Condition condition) {
        TreeSet<Long> ids = new TreeSet<>();
        for (Map.Entry<Long, Map<String, Object>> e : customers.entrySet()) {
            if (holds(condition, e.getKey(), e.getValue())) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }

    boolean holds(Condition c, long id, Map<String, Object> row) {
        if (c instanceof Condition.And and) {
            return and.conditions().stream().allMatch(x -> holds(x, id, row));
        }
        if (c instanceof Condition.Or or) {
            return or.conditions().stream().anyMatch(x -> holds(x, id, row));
        }
        if (c instanceof Condition.Not not) {
            return !holds(not.condition(), id, row);
        }
        if (c instanceof Condition.Compare cmp) {
            FieldSpec f = catalog.field(cmp.field()).orElseThrow();
            Object v = row.get(f.name());
            if (v == null) {
                return false;
            }
            if (cmp.op() == ComparisonOp.CONTAINS) {
                return ((String) v).toLowerCase(Locale.ROOT).contains(((Literal.Text) cmp.value()).value().toLowerCase(Locale.ROOT));
            }
            return test(compare(v, f.type(), cmp.value()), cmp.op());
        }
        if (c instanceof Condition.Between b) {
            FieldSpec f = catalog.field(b.field()).orElseThrow();
            Object v = row.get(f.name());
            return v != null && compare(v, f.type(), b.low()) >= 0 && compare(v, f.type(), b.high()) <= 0;
        }
        if (c instanceof Condition.In in) {
            FieldSpec f = catalog.field(in.field()).orElseThrow();
            Object v = row.get(f.name());
            return v != null && in.values().stream().anyMatch(l -> compare(v, f.type(), l) == 0);
        }
        if (c instanceof Condition.IsNull n) {
            return row.get(n.field()) == null;
        }
        if (c instanceof Condition.Event e) {
            return event(e, id) == e.did();
        }
        if (c instanceof Condition.Score s) {
            for (Map<String, Object> r : scores.getOrDefault(s.model(), Map.of()).getOrDefault(id, List.of())) {
                if (s.tier() != null ? s.tier().equals(r.get("tier"))
                        : r.get("score") != null && test(Double.compare((Double) r.get("score"), s.value()), s.op())) {
                    return true;
                }
            }
            return false;
        }
        if (c instanceof Condition.Cluster cl) {
            return clusters.getOrDefault(cl.model(), Map.of()).getOrDefault(id, List.of()).stream()
                    .anyMatch(r -> cl.cluster().equals(r.get("cluster_name")));
        }
        if (c instanceof Condition.InSegment in) {
            return holds(segments.resolve(in.segment()).orElseThrow().condition(), id, row);
        }
        throw new IllegalArgumentException("reference has no rule for " + c);
    }

    /** Did the customer do it with the thresholds (before applying did=false)? */
    private boolean event(Condition.Event e, long id) {
        EventSpec spec = catalog.event(e.event()).orElseThrow();
        LocalDateTime from = null;
        LocalDateTime to = asOf;
        TimeWindow w = e.window();
        if (w != null && w.lastDays() != null) {
            from = asOf.minusDays(w.lastDays());
        } else if (w != null) {
            from = w.from() == null ? null : w.from().atStartOfDay();
            if (w.to() != null && w.to().atStartOfDay().isBefore(asOf)) {
                to = w.to().atStartOfDay();
            }
        }
        long count = 0;
        BigDecimal sum = null;
        for (Map<String, Object> r : eventRows.get(spec.table()).getOrDefault(id, List.of())) {
            LocalDateTime ts = (LocalDateTime) r.get(spec.timestamp());
            if (ts == null || (from != null && ts.isBefore(from)) || !ts.isBefore(to)) {
                continue;
            }
            if (!spec.filters().stream().allMatch(f -> fixed(f, r)) || !e.where().stream().allMatch(f -> property(spec, f, r))) {
                continue;
            }
            count++;
            if (e.sum() != null) {
                String column = spec.measures().stream().filter(m -> m.name().equals(e.sum().measure())).findFirst().orElseThrow().column();
                Object m = r.get(column);
                if (m != null) {
                    // the decimal the warehouse shows (10.1, not the binary 10.0999999999999996447...), summed exactly
                    BigDecimal value = m instanceof Double d ? BigDecimal.valueOf(d) : new BigDecimal(((Number) m).longValue());
                    sum = sum == null ? value : sum.add(value);
                }
            }
        }
        if (count == 0) {
            return false;
        }
        if (e.count() != null && !test(Long.compare(count, e.count().value()), e.count().op())) {
            return false;
        }
        return e.sum() == null || (sum != null && test(sum.compareTo(BigDecimal.valueOf(e.sum().value())), e.sum().op()));
    }

    private static boolean fixed(Derivation.RowFilter f, Map<String, Object> row) {
        Object v = row.get(f.column());
        return switch (f.op()) {
            case EQ -> v != null && v.toString().equals(f.values().get(0));
            case IN -> v != null && f.values().contains(v.toString());
            case WEEKEND -> v != null && ((LocalDateTime) v).getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0;
            default -> throw new IllegalArgumentException("reference does not model catalog filter " + f.op());
        };
    }

    private static boolean property(EventSpec spec, PropertyFilter f, Map<String, Object> row) {
        EventSpec.EventProperty p = spec.properties().stream().filter(x -> x.name().equals(f.property())).findFirst().orElseThrow();
        Object v = row.get(p.column());
        if (v == null) {
            return false;
        }
        return switch (f.op()) {
            case IN -> f.values().stream().anyMatch(l -> compare(v, p.type(), l) == 0);
            case NOT_IN -> f.values().stream().noneMatch(l -> compare(v, p.type(), l) == 0);
            case EQ -> compare(v, p.type(), f.value()) == 0;
            case NE -> compare(v, p.type(), f.value()) != 0;
            case GT -> compare(v, p.type(), f.value()) > 0;
            case GTE -> compare(v, p.type(), f.value()) >= 0;
            case LT -> compare(v, p.type(), f.value()) < 0;
            case LTE -> compare(v, p.type(), f.value()) <= 0;
        };
    }

    private static boolean test(int cmp, ComparisonOp op) {
        return switch (op) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case GT -> cmp > 0;
            case GTE -> cmp >= 0;
            case LT -> cmp < 0;
            case LTE -> cmp <= 0;
            case CONTAINS -> throw new IllegalArgumentException("contains is not an ordering");
        };
    }

    /** Compares a stored value with a literal read the documented way for the type. */
    private static int compare(Object v, FieldType type, Literal l) {
        switch (type) {
            case INTEGER, DECIMAL -> {
                BigDecimal lit = ((Literal.Number) l).value();
                if (v instanceof Long x && lit.scale() <= 0) {
                    return Long.compare(x, lit.longValueExact());
                }
                return Double.compare(((Number) v).doubleValue(), lit.doubleValue());
            }
            case STRING, ENUM -> {
                return ((String) v).compareTo(((Literal.Text) l).value());
            }
            case BOOLEAN -> {
                return Boolean.compare((Boolean) v, ((Literal.Bool) l).value());
            }
            case DATE -> {
                return ((LocalDate) v).compareTo(LocalDate.parse(((Literal.Text) l).value()));
            }
            case TIMESTAMP -> {
                String text = ((Literal.Text) l).value();
                LocalDateTime lit = text.length() == 10 ? LocalDate.parse(text).atStartOfDay()
                        : text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")
                        ? OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                        : LocalDateTime.parse(text);
                return ((LocalDateTime) v).compareTo(lit);
            }
            default -> throw new IllegalArgumentException(type.toString());
        }
    }

    private static Map<Long, List<Map<String, Object>>> byCustomer(List<Map<String, Object>> rows, String key) {
        Map<Long, List<Map<String, Object>>> map = new HashMap<>();
        for (Map<String, Object> row : rows) {
            map.computeIfAbsent((Long) row.get(key), k -> new ArrayList<>()).add(row);
        }
        return map;
    }

    private static List<Map<String, Object>> load(Connection c, String table) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof Timestamp) {
                        v = rs.getObject(i, LocalDateTime.class);
                    } else if (v instanceof java.sql.Date || v instanceof LocalDate) {
                        v = rs.getObject(i, LocalDate.class);
                    } else if (v instanceof Integer x) {
                        v = x.longValue();
                    }
                    row.put(md.getColumnName(i), v);
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

}
