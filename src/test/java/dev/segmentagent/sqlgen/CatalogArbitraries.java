package dev.segmentagent.sqlgen;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.catalog.FieldType;
import dev.segmentagent.catalog.ModelSpec;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.CountThreshold;
import dev.segmentagent.segment.Literal;
import dev.segmentagent.segment.PropertyFilter;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SumThreshold;
import dev.segmentagent.segment.TimeWindow;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static net.jqwik.api.Tuple.of;

/**
 * Random definitions driven by a real catalog and the data it describes: no field, event, property, measure,
 * model or value is named here. Every non-deprecated field a condition may test gets operators that fit its type,
 * and values come from a {@link Sample} of the warehouse (quantiles of numbers, timestamps and per-customer event
 * counts and sums; the most frequent texts), so conditions cut the customers somewhere in the middle instead of
 * selecting all or none. Enum and tier values come from the catalog's allowed values.
 */
final class CatalogArbitraries {

    private static final List<ComparisonOp> ORDERED = List.of(ComparisonOp.EQ, ComparisonOp.NE, ComparisonOp.GT,
            ComparisonOp.GTE, ComparisonOp.LT, ComparisonOp.LTE);
    private static final List<ComparisonOp> EQUALITY = List.of(ComparisonOp.EQ, ComparisonOp.NE);

    private final Catalog catalog;
    private final Sample sample;
    private final List<String> segmentIds;
    private final List<FieldSpec> fields;
    private final List<FieldSpec> nullableFields;
    private final List<FieldSpec> rangeFields;
    private final List<FieldSpec> inFields;
    private final List<EventSpec> events;
    private final List<ModelSpec> scoreModels;
    private final List<ModelSpec> clusterModels;

    CatalogArbitraries(Catalog catalog, Sample sample, List<String> segmentIds) {
        this.catalog = catalog;
        this.sample = sample;
        this.segmentIds = List.copyOf(segmentIds);
        this.fields = catalog.fields().stream().filter(CatalogArbitraries::testable)
                .filter(f -> !sample.values(f.name()).isEmpty() || f.type() == FieldType.BOOLEAN
                        || (f.type() == FieldType.ENUM && !f.allowedValues().isEmpty()))
                .toList();
        this.nullableFields = fields.stream().filter(f -> sample.nullShare(f.name()) > 0).toList();
        this.rangeFields = fields.stream().filter(f -> f.type().isNumeric() || f.type().isTemporal()).toList();
        this.inFields = fields.stream().filter(f -> f.type() != FieldType.BOOLEAN).toList();
        this.events = catalog.events();
        this.scoreModels = catalog.models().stream().filter(m -> m.kind() == ModelSpec.Kind.SCORE).toList();
        this.clusterModels = catalog.models().stream()
                .filter(m -> m.kind() == ModelSpec.Kind.CLUSTER && !sample.clusters(m.name()).isEmpty()).toList();
    }

    /** Fields a valid definition may name: not deprecated, and not personal data closed to conditions. */
    static boolean testable(FieldSpec f) {
        return !f.deprecated() && (!f.pii() || f.piiConditionAllowed());
    }

    List<FieldSpec> fields() {
        return fields;
    }

    Arbitrary<SegmentDefinition> definitions() {
        return condition(4).map(c -> new SegmentDefinition("generated", null, c));
    }

    Arbitrary<Condition> condition(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<List<Condition>> children = Arbitraries.lazy(() -> condition(depth - 1)).list().ofMinSize(1).ofMaxSize(3);
        return Arbitraries.frequencyOf(
                of(5, leaf()),
                of(2, children.map(Condition.And::new)),
                of(2, children.map(Condition.Or::new)),
                of(1, Arbitraries.lazy(() -> condition(depth - 1)).map(Condition.Not::new)));
    }

    Arbitrary<Condition> leaf() {
        List<Tuple.Tuple2<Integer, Arbitrary<Condition>>> kinds = new ArrayList<>();
        kinds.add(of(7, compare()));
        kinds.add(of(2, between()));
        kinds.add(of(2, in()));
        if (!nullableFields.isEmpty()) {
            kinds.add(of(1, isNull().map(c -> (Condition) c)));
        }
        kinds.add(of(6, event()));
        if (!scoreModels.isEmpty()) {
            kinds.add(of(2, score()));
        }
        if (!clusterModels.isEmpty()) {
            kinds.add(of(1, cluster()));
        }
        if (!segmentIds.isEmpty()) {
            kinds.add(of(1, Arbitraries.of(segmentIds).map(id -> (Condition) new Condition.InSegment(id))));
        }
        return Arbitraries.frequencyOf(kinds);
    }

    // ---- field leaves ------------------------------------------------------------------------------------------

    Arbitrary<Condition> compare() {
        return Arbitraries.of(fields).flatMap(f -> Arbitraries.of(operators(f.type())).flatMap(op -> op == ComparisonOp.CONTAINS
                ? fragment(f).map(v -> (Condition) new Condition.Compare(f.name(), op, Literal.of(v)))
                : value(f.type(), f.allowedValues(), sample.values(f.name()))
                .map(v -> (Condition) new Condition.Compare(f.name(), op, v))));
    }

    Arbitrary<Condition> between() {
        return Arbitraries.of(rangeFields).flatMap(f -> {
            List<Object> values = sample.values(f.name());
            return Combinators.combine(Arbitraries.integers().between(0, values.size() - 1),
                    Arbitraries.integers().between(0, values.size() - 1), Arbitraries.integers().between(0, 5)).as((i, j, format) -> {
                Object low = values.get(Math.min(i, j));
                Object high = values.get(Math.max(i, j));
                return (Condition) new Condition.Between(f.name(), literal(f.type(), low, format, false),
                        literal(f.type(), high, format, true));
            });
        });
    }

    Arbitrary<Condition> in() {
        return Arbitraries.of(inFields).flatMap(f -> value(f.type(), f.allowedValues(), sample.values(f.name()))
                .list().ofMinSize(1).ofMaxSize(4).map(vs -> (Condition) new Condition.In(f.name(), vs.stream().distinct().toList())));
    }

    Arbitrary<Condition> isNull() {
        return Arbitraries.of(nullableFields).map(f -> (Condition) new Condition.IsNull(f.name()));
    }

    static List<ComparisonOp> operators(FieldType type) {
        if (type.isNumeric() || type.isTemporal()) {
            return ORDERED;
        }
        if (type == FieldType.STRING) {
            return List.of(ComparisonOp.EQ, ComparisonOp.NE, ComparisonOp.CONTAINS);
        }
        return EQUALITY;
    }

    /** A substring of a sampled text in some casing, for contains. */
    private Arbitrary<String> fragment(FieldSpec f) {
        List<Object> values = sample.values(f.name());
        return Combinators.combine(Arbitraries.of(values), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(1, 4), Arbitraries.of(0, 1, 2)).as((v, start, length, casing) -> {
            String text = (String) v;
            int from = text.isEmpty() ? 0 : start % text.length();
            String part = text.substring(from, Math.min(text.length(), from + length));
            return casing == 0 ? part : casing == 1 ? part.toUpperCase(Locale.ROOT) : part.toLowerCase(Locale.ROOT);
        });
    }

    /**
     * A literal for a value of the given type: an allowed value of an enum, true/false, or a value sampled from the
     * data written the way a user might (rounded numbers, timestamps as dates or with an offset).
     */
    private static Arbitrary<Literal> value(FieldType type, List<String> allowed, List<Object> sampled) {
        if (type == FieldType.ENUM && !allowed.isEmpty()) {
            return Arbitraries.of(allowed).map(Literal::of);
        }
        if (type == FieldType.BOOLEAN) {
            return Arbitraries.of(true, false).map(Literal::of);
        }
        return Combinators.combine(Arbitraries.of(sampled), Arbitraries.integers().between(0, 5), Arbitraries.of(false, true))
                .as((v, format, up) -> literal(type, v, format, up));
    }

    /**
     * The sampled value as a literal. Numbers: exact (a data value, so equality and boundaries are hit), or rounded
     * to two decimals, or (for whole numbers) half-way between two. Timestamps: ISO local, with Z, with an offset
     * naming the same instant, or a date (midnight). {@code up} rounds dates up to the next day for a range's high end.
     */
    static Literal literal(FieldType type, Object v, int format, boolean up) {
        switch (type) {
            case INTEGER, DECIMAL -> {
                BigDecimal d = v instanceof Long l ? BigDecimal.valueOf(l) : BigDecimal.valueOf(((Number) v).doubleValue());
                return switch (format) {
                    case 0, 1 -> new Literal.Number(d);
                    case 2, 3 -> new Literal.Number(d.setScale(2, RoundingMode.HALF_UP));
                    case 4 -> new Literal.Number(d.setScale(0, RoundingMode.FLOOR).add(BigDecimal.valueOf(5, 1)));
                    default -> new Literal.Number(d.setScale(0, RoundingMode.HALF_UP));
                };
            }
            case DATE -> {
                LocalDate date = (LocalDate) v;
                return Literal.of((format == 5 ? date.plusDays(up ? 1 : -1) : date).toString());
            }
            case TIMESTAMP -> {
                LocalDateTime ts = (LocalDateTime) v;
                return Literal.of(switch (format) {
                    case 0, 1 -> ts.toString();
                    case 2 -> ts.toInstant(ZoneOffset.UTC).toString();
                    case 3 -> ts.atOffset(ZoneOffset.UTC).withOffsetSameInstant(ZoneOffset.ofHours(2)).toString();
                    case 4 -> ts.atOffset(ZoneOffset.UTC).withOffsetSameInstant(ZoneOffset.ofHours(-5)).toString();
                    default -> (up ? ts.toLocalDate().plusDays(1) : ts.toLocalDate()).toString();
                });
            }
            case BOOLEAN -> {
                return Literal.of((Boolean) v);
            }
            default -> {
                return Literal.of(String.valueOf(v));
            }
        }
    }

    // ---- events ------------------------------------------------------------------------------------------------

    Arbitrary<Condition> event() {
        return Arbitraries.of(events).flatMap(spec -> Combinators.combine(
                Arbitraries.of(true, true, false),
                filters(spec),
                window(),
                count(spec),
                sum(spec)).as((did, where, window, count, sum) -> (Condition) new Condition.Event(spec.name(), did, where, window, count, sum)));
    }

    /** Up to two filters on properties that have allowed values or sampled data. */
    Arbitrary<List<PropertyFilter>> filters(EventSpec spec) {
        List<EventSpec.EventProperty> usable = spec.properties().stream()
                .filter(p -> !p.allowedValues().isEmpty() || !sample.property(spec.table(), p.column()).isEmpty()).toList();
        if (usable.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        return Arbitraries.of(usable).flatMap(p -> {
            Arbitrary<Literal> value = value(p.type(), p.allowedValues(), sample.property(spec.table(), p.column()));
            List<PropertyFilter.FilterOp> ops = new ArrayList<>(List.of(PropertyFilter.FilterOp.EQ, PropertyFilter.FilterOp.NE,
                    PropertyFilter.FilterOp.IN, PropertyFilter.FilterOp.NOT_IN));
            if (p.type().isNumeric() || p.type().isTemporal()) {
                ops.addAll(List.of(PropertyFilter.FilterOp.GT, PropertyFilter.FilterOp.GTE, PropertyFilter.FilterOp.LT,
                        PropertyFilter.FilterOp.LTE));
            }
            return Combinators.combine(Arbitraries.of(ops), value, value.list().ofMinSize(1).ofMaxSize(3)).as((op, v, vs) ->
                    op == PropertyFilter.FilterOp.IN || op == PropertyFilter.FilterOp.NOT_IN
                            ? new PropertyFilter(p.name(), op, null, vs.stream().distinct().toList())
                            : new PropertyFilter(p.name(), op, v, List.of()));
        }).list().ofMaxSize(2);
    }

    /** No window, a common or random lastDays, or an absolute [from, to) with either end open, within the data's span. */
    Arbitrary<TimeWindow> window() {
        LocalDate asOf = LocalDateTime.ofInstant(sample.asOf(), ZoneOffset.UTC).toLocalDate();
        int span = (int) Math.max(30, java.time.temporal.ChronoUnit.DAYS.between(sample.firstEvent(), asOf));
        return Arbitraries.frequencyOf(
                of(2, Arbitraries.just(null)),
                of(3, Arbitraries.of(1, 7, 14, 30, 60, 90, 180, 365, 730, 3650).map(TimeWindow::lastDays)),
                of(1, Arbitraries.integers().between(1, span + 30).map(TimeWindow::lastDays)),
                of(2, Combinators.combine(Arbitraries.integers().between(0, span + 30), Arbitraries.integers().between(1, span),
                                Arbitraries.integers().between(0, 3))
                        .as((back, length, open) -> {
                            LocalDate from = asOf.minusDays(back);
                            LocalDate to = from.plusDays(length);
                            return new TimeWindow(null, open == 1 ? null : from, open == 2 ? null : to);
                        })));
    }

    Arbitrary<CountThreshold> count(EventSpec spec) {
        List<Object> counts = sample.counts(spec.table());
        if (counts.isEmpty()) {
            return Arbitraries.just(null);
        }
        return Arbitraries.frequencyOf(
                of(3, Arbitraries.just(null)),
                of(2, Combinators.combine(Arbitraries.of(ORDERED), Arbitraries.of(counts)).as((op, n) -> {
                    long v = Math.max(1L, (Long) n);
                    // "< 1", "<= 0" and "= 0" only allow zero events: the validator warns; keep them rare but possible
                    return new CountThreshold(op, op == ComparisonOp.LT && v == 1 ? 2L : v);
                })));
    }

    Arbitrary<SumThreshold> sum(EventSpec spec) {
        List<EventSpec.EventMeasure> measures = spec.measures().stream()
                .filter(m -> !sample.sums(spec.name(), m.name()).isEmpty()).toList();
        if (measures.isEmpty()) {
            return Arbitraries.just(null);
        }
        return Arbitraries.frequencyOf(
                of(3, Arbitraries.just(null)),
                of(2, Arbitraries.of(measures).flatMap(m -> Combinators.combine(Arbitraries.of(ORDERED),
                        Arbitraries.of(sample.sums(spec.name(), m.name())), Arbitraries.integers().between(0, 3)).as((op, v, format) -> {
                    double total = ((Number) v).doubleValue();
                    // half exactly a customer's total (boundaries), half round numbers
                    double threshold = format <= 1 ? total : format == 2 ? Math.round(total) : Math.round(total / 10.0) * 10.0;
                    return new SumThreshold(m.name(), op, threshold);
                }))));
    }

    // ---- models and segments -----------------------------------------------------------------------------------

    Arbitrary<Condition> score() {
        return Arbitraries.of(scoreModels).flatMap(m -> {
            List<Object> scores = sample.scores(m.name());
            Arbitrary<Condition> tier = m.tiers().isEmpty() ? null
                    : Arbitraries.of(m.tiers()).map(t -> new Condition.Score(m.name(), null, null, t));
            Arbitrary<Condition> threshold = scores.isEmpty() ? null
                    : Combinators.combine(Arbitraries.of(ORDERED), Arbitraries.of(scores), Arbitraries.of(false, true))
                    .as((op, s, round) -> new Condition.Score(m.name(), op,
                            round ? Math.round((Double) s * 100) / 100.0 : (Double) s, null));
            if (tier == null && threshold == null) {
                return Arbitraries.of(ORDERED).map(op -> new Condition.Score(m.name(), op, 0.5, null));
            }
            return tier == null ? threshold : threshold == null ? tier : Arbitraries.oneOf(tier, threshold);
        });
    }

    Arbitrary<Condition> cluster() {
        return Arbitraries.of(clusterModels).flatMap(m -> Arbitraries.of(sample.clusters(m.name()))
                .map(name -> new Condition.Cluster(m.name(), name)));
    }

    // ---- the data sample ---------------------------------------------------------------------------------------

    /**
     * What the generator knows about the data, read once: for each catalog field its quantiles (numbers, dates,
     * timestamps) or most frequent values (texts) and its share of nulls; the same for event properties; per event
     * table the quantiles of per-customer row counts and measure sums; model scores and cluster names.
     */
    record Sample(Instant asOf,
                  LocalDate firstEvent,
                  Map<String, List<Object>> fieldValues,
                  Map<String, Double> nullShares,
                  Map<String, List<Object>> propertyValues,
                  Map<String, List<Object>> eventCounts,
                  Map<String, List<Object>> eventSums,
                  Map<String, List<Object>> modelScores,
                  Map<String, List<String>> clusterNames) {

        static final int QUANTILES = 20;
        static final int TOP_TEXTS = 15;
        static final int SUM_QUANTILES = 50;

        List<Object> values(String field) {
            return fieldValues.getOrDefault(field, List.of());
        }

        double nullShare(String field) {
            return nullShares.getOrDefault(field, 0.0);
        }

        List<Object> property(String table, String column) {
            return propertyValues.getOrDefault(table + "." + column, List.of());
        }

        List<Object> counts(String table) {
            return eventCounts.getOrDefault(table, List.of());
        }

        List<Object> sums(String event, String measure) {
            return eventSums.getOrDefault(event + "." + measure, List.of());
        }

        List<Object> scores(String model) {
            return modelScores.getOrDefault(model, List.of());
        }

        List<String> clusters(String model) {
            return clusterNames.getOrDefault(model, List.of());
        }

        static Sample read(DuckDbWarehouse warehouse, Catalog catalog, Instant asOf) {
            Map<String, List<Object>> fieldValues = new HashMap<>();
            Map<String, Double> nullShares = new HashMap<>();
            Map<String, List<Object>> propertyValues = new HashMap<>();
            Map<String, List<Object>> eventCounts = new HashMap<>();
            Map<String, List<Object>> eventSums = new HashMap<>();
            Map<String, List<Object>> modelScores = new HashMap<>();
            Map<String, List<String>> clusterNames = new HashMap<>();
            LocalDate firstEvent = LocalDateTime.ofInstant(asOf, ZoneOffset.UTC).toLocalDate().minusDays(730);
            try (Connection c = warehouse.connection()) {
                Map<String, List<Object>> columns = columns(c, "SELECT * FROM customer_features");
                int rows = columns.getOrDefault("customer_id", List.of()).size();
                for (FieldSpec f : catalog.fields()) {
                    List<Object> column = columns.getOrDefault(f.name(), List.of());
                    List<Object> present = column.stream().filter(Objects::nonNull).toList();
                    nullShares.put(f.name(), rows == 0 ? 0.0 : 1.0 - present.size() / (double) rows);
                    fieldValues.put(f.name(), summarise(f.type(), present));
                }
                Map<String, List<EventSpec>> byTable = catalog.events().stream()
                        .collect(Collectors.groupingBy(EventSpec::table, LinkedHashMap::new, Collectors.toList()));
                for (Map.Entry<String, List<EventSpec>> table : byTable.entrySet()) {
                    Map<String, List<Object>> data = columns(c, "SELECT * FROM \"" + table.getKey() + "\"");
                    Map<String, FieldType> propertyTypes = new LinkedHashMap<>();
                    for (EventSpec e : table.getValue()) {
                        e.properties().forEach(p -> propertyTypes.putIfAbsent(p.column(), p.type()));
                        List<Object> stamps = data.getOrDefault(e.timestamp(), List.of());
                        for (Object ts : stamps) {
                            if (ts instanceof LocalDateTime t && t.toLocalDate().isBefore(firstEvent)) {
                                firstEvent = t.toLocalDate();
                            }
                        }
                    }
                    for (Map.Entry<String, FieldType> p : propertyTypes.entrySet()) {
                        List<Object> present = data.getOrDefault(p.getKey(), List.of()).stream().filter(Objects::nonNull).toList();
                        propertyValues.put(table.getKey() + "." + p.getKey(), summarise(p.getValue(), present));
                    }
                    List<Object> customers = data.getOrDefault("customer_id", List.of());
                    Map<Object, Long> perCustomer = new HashMap<>();
                    customers.forEach(id -> perCustomer.merge(id, 1L, Long::sum));
                    eventCounts.put(table.getKey(), quantiles(new ArrayList<>(perCustomer.values())));
                    for (EventSpec e : table.getValue()) {
                        for (EventSpec.EventMeasure m : e.measures()) {
                            eventSums.put(e.name() + "." + m.name(), decimalSums(e, m, customers, data));
                        }
                    }
                }
                Map<String, List<Object>> scores = columns(c, "SELECT model, score FROM model_scores");
                for (int i = 0; i < scores.get("model").size(); i++) {
                    if (scores.get("score").get(i) != null) {
                        modelScores.computeIfAbsent((String) scores.get("model").get(i), m -> new ArrayList<>()).add(scores.get("score").get(i));
                    }
                }
                modelScores.replaceAll((m, values) -> quantiles(values));
                Map<String, List<Object>> clusters = columns(c, "SELECT DISTINCT model, cluster_name FROM cluster_assignments "
                        + "WHERE cluster_name IS NOT NULL ORDER BY 1, 2");
                for (int i = 0; i < clusters.get("model").size(); i++) {
                    clusterNames.computeIfAbsent((String) clusters.get("model").get(i), m -> new ArrayList<>())
                            .add((String) clusters.get("cluster_name").get(i));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return new Sample(asOf, firstEvent, Map.copyOf(fieldValues), Map.copyOf(nullShares), Map.copyOf(propertyValues),
                    Map.copyOf(eventCounts), Map.copyOf(eventSums), Map.copyOf(modelScores), Map.copyOf(clusterNames));
        }

        /**
         * Quantiles of the per-customer totals of a measure over the event's rows (its fixed equality filters
         * applied, all history), added as the decimals the warehouse shows: the amounts a marketer reads off a
         * customer and types as a threshold ("spent at least 3653.91"), so some thresholds sit exactly on a total.
         */
        private static List<Object> decimalSums(EventSpec e, EventSpec.EventMeasure m, List<Object> customers,
                                                Map<String, List<Object>> data) {
            List<Object> values = data.getOrDefault(m.column(), List.of());
            Map<Object, BigDecimal> sums = new HashMap<>();
            rows:
            for (int i = 0; i < customers.size(); i++) {
                for (dev.segmentagent.catalog.Derivation.RowFilter f : e.filters()) {
                    Object v = data.getOrDefault(f.column(), List.of()).get(i);
                    boolean eq = f.op() == dev.segmentagent.catalog.Derivation.FilterOp.EQ
                            || f.op() == dev.segmentagent.catalog.Derivation.FilterOp.IN;
                    if (eq && (v == null || !f.values().contains(v.toString()))) {
                        continue rows;
                    }
                }
                if (values.get(i) instanceof Number n) {
                    BigDecimal d = n instanceof Long l ? BigDecimal.valueOf(l) : BigDecimal.valueOf(n.doubleValue());
                    sums.merge(customers.get(i), d, BigDecimal::add);
                }
            }
            List<Object> totals = new ArrayList<>(sums.values().stream().map(BigDecimal::doubleValue).toList());
            return quantiles(totals, SUM_QUANTILES);
        }

        /** Quantiles of ordered values, the most frequent texts, nothing for booleans (true/false need no sample). */
        private static List<Object> summarise(FieldType type, List<Object> present) {
            if (present.isEmpty() || type == FieldType.BOOLEAN) {
                return List.of();
            }
            if (type == FieldType.STRING || type == FieldType.ENUM) {
                Map<Object, Long> counts = present.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
                return counts.entrySet().stream()
                        .sorted(Map.Entry.<Object, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().toString()))
                        .limit(TOP_TEXTS).map(Map.Entry::getKey).toList();
            }
            return quantiles(new ArrayList<>(present));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static List<Object> quantiles(List<Object> values) {
            return quantiles(values, QUANTILES);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static List<Object> quantiles(List<Object> values, int quantiles) {
            if (values.isEmpty()) {
                return List.of();
            }
            values.sort((Comparator) Comparator.naturalOrder());
            List<Object> result = new ArrayList<>();
            for (int q = 0; q <= quantiles; q++) {
                Object v = values.get((int) Math.min(values.size() - 1, (long) q * (values.size() - 1) / quantiles));
                if (result.isEmpty() || !result.get(result.size() - 1).equals(v)) {
                    result.add(v);
                }
            }
            return List.copyOf(result);
        }

        private static Map<String, List<Object>> columns(Connection c, String sql) throws SQLException {
            Map<String, List<Object>> columns = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    names.add(rs.getMetaData().getColumnName(i));
                    columns.put(names.get(i - 1), new ArrayList<>());
                }
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof Timestamp) {
                            v = rs.getObject(i, LocalDateTime.class);
                        } else if (v instanceof java.sql.Date) {
                            v = rs.getObject(i, LocalDate.class);
                        } else if (v instanceof Integer x) {
                            v = x.longValue();
                        } else if (v instanceof BigDecimal d) {
                            v = d.doubleValue();
                        }
                        columns.get(names.get(i - 1)).add(v);
                    }
                }
            }
            return columns;
        }
    }
}
