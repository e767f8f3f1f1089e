package dev.segmentagent.sqlgen;

import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.CountThreshold;
import dev.segmentagent.segment.Literal;
import dev.segmentagent.segment.PropertyFilter;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SumThreshold;
import dev.segmentagent.segment.TimeWindow;
import dev.segmentagent.testing.TestCatalog;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static net.jqwik.api.Tuple.of;

/** Random valid definitions over {@link TestCatalog}: every node type, nested groups, events with all parts. */
final class DefinitionArbitraries {

    static final List<String> SEGMENT_IDS = List.of("vip", "nested", "negated");
    private static final List<ComparisonOp> ORDERED = List.of(ComparisonOp.EQ, ComparisonOp.NE, ComparisonOp.GT,
            ComparisonOp.GTE, ComparisonOp.LT, ComparisonOp.LTE);
    private static final EventSpecSource EVENTS = new EventSpecSource();

    private DefinitionArbitraries() {}

    static Arbitrary<SegmentDefinition> definitions() {
        return condition(4).map(c -> new SegmentDefinition("generated", null, c));
    }

    static Arbitrary<Condition> condition(int depth) {
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

    static Arbitrary<Condition> leaf() {
        return Arbitraries.frequencyOf(
                of(4, numericCompare()), of(2, textCompare()), of(2, enumCompare()), of(1, boolCompare()),
                of(1, dateCompare()), of(1, timestampCompare()), of(2, between()), of(2, in()), of(1, isNull()),
                of(6, event()), of(2, score()), of(1, cluster()),
                of(1, Arbitraries.of(SEGMENT_IDS).map(Condition.InSegment::new)));
    }

    static Arbitrary<Condition> numericCompare() {
        Arbitrary<ComparisonOp> op = Arbitraries.of(ORDERED);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("orders_90d", "orders_365d"), op, Arbitraries.integers().between(0, 40))
                        .as((f, o, v) -> new Condition.Compare(f, o, Literal.of(v))),
                Combinators.combine(op, Arbitraries.integers().between(10, 95)).as((o, v) -> new Condition.Compare("age", o, Literal.of(v))),
                Combinators.combine(op, Arbitraries.doubles().between(16, 95).ofScale(1)).as((o, v) -> new Condition.Compare("age", o, Literal.of(v))),
                Combinators.combine(Arbitraries.of("aov_365d", "total_spend_365d"), op, Arbitraries.integers().between(0, 1200))
                        .as((f, o, v) -> new Condition.Compare(f, o, Literal.of(v * 0.25))),
                Combinators.combine(Arbitraries.of("email_open_rate_30d", "email_click_rate_30d"), op, Arbitraries.integers().between(0, 20))
                        .as((f, o, v) -> new Condition.Compare(f, o, Literal.of(v / 20.0))));
    }

    static Arbitrary<Condition> textCompare() {
        return Combinators.combine(Arbitraries.of(ComparisonOp.EQ, ComparisonOp.NE, ComparisonOp.CONTAINS),
                        Arbitraries.of("Berlin", "Paris", "Köln", "ber", "PAR", "an", "o", "zzz", "'; --"))
                .as((o, v) -> new Condition.Compare("city", o, Literal.of(v)));
    }

    static Arbitrary<Condition> enumCompare() {
        Arbitrary<ComparisonOp> op = Arbitraries.of(ComparisonOp.EQ, ComparisonOp.NE);
        return Arbitraries.oneOf(
                Combinators.combine(op, Arbitraries.of(TestCatalog.COUNTRIES)).as((o, v) -> new Condition.Compare("country", o, Literal.of(v))),
                Combinators.combine(op, Arbitraries.of(TestCatalog.GENDERS)).as((o, v) -> new Condition.Compare("gender", o, Literal.of(v))),
                Combinators.combine(op, Arbitraries.of(TestCatalog.TIERS)).as((o, v) -> new Condition.Compare("loyalty_tier", o, Literal.of(v))));
    }

    static Arbitrary<Condition> boolCompare() {
        return Combinators.combine(Arbitraries.of(ComparisonOp.EQ, ComparisonOp.NE), Arbitraries.of(true, false))
                .as((o, v) -> new Condition.Compare("email_consent", o, Literal.of(v)));
    }

    static Arbitrary<Condition> dateCompare() {
        return Combinators.combine(Arbitraries.of(ORDERED), dates())
                .as((o, d) -> new Condition.Compare("signup_date", o, Literal.of(d.toString())));
    }

    static Arbitrary<Condition> timestampCompare() {
        return Combinators.combine(Arbitraries.of(ORDERED), dates(), Arbitraries.of("", "T00:00:00", "T12:30:00Z", "T23:59:59+02:00"))
                .as((o, d, t) -> new Condition.Compare("last_order_at", o, Literal.of(d + t)));
    }

    static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 2400).map(n -> LocalDate.of(2019, 1, 1).plusDays(n));
    }

    static Arbitrary<Condition> between() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(10, 95), Arbitraries.integers().between(0, 30))
                        .as((lo, span) -> new Condition.Between("age", Literal.of(lo), Literal.of(lo + span))),
                Combinators.combine(Arbitraries.integers().between(0, 1200), Arbitraries.integers().between(0, 600))
                        .as((lo, span) -> new Condition.Between("aov_365d", Literal.of(lo * 0.25), Literal.of((lo + span) * 0.25))),
                Combinators.combine(dates(), Arbitraries.integers().between(0, 900))
                        .as((d, span) -> new Condition.Between("signup_date", Literal.of(d.toString()), Literal.of(d.plusDays(span).toString()))));
    }

    static Arbitrary<Condition> in() {
        return Arbitraries.oneOf(
                Arbitraries.of(TestCatalog.COUNTRIES).set().ofMinSize(1).ofMaxSize(3)
                        .map(s -> new Condition.In("country", s.stream().map(Literal::of).toList())),
                Arbitraries.of(TestCatalog.TIERS).set().ofMinSize(1).ofMaxSize(3)
                        .map(s -> new Condition.In("loyalty_tier", s.stream().map(Literal::of).toList())),
                Arbitraries.integers().between(0, 12).set().ofMinSize(1).ofMaxSize(4)
                        .map(s -> new Condition.In("orders_90d", s.stream().map(v -> Literal.of((long) v)).toList())));
    }

    static Arbitrary<Condition> isNull() {
        return Arbitraries.of("aov_365d", "age", "country", "city", "email_consent", "last_order_at", "email_open_rate_30d")
                .map(Condition.IsNull::new);
    }

    static Arbitrary<Condition> score() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("churn", "purchase_propensity"), Arbitraries.of(ORDERED), Arbitraries.integers().between(0, 20))
                        .as((m, o, v) -> new Condition.Score(m, o, v / 20.0, null)),
                Combinators.combine(Arbitraries.of("churn", "purchase_propensity"), Arbitraries.of("high", "medium", "low"))
                        .as((m, t) -> new Condition.Score(m, null, null, t)));
    }

    static Arbitrary<Condition> cluster() {
        return Arbitraries.of(TestCatalog.CLUSTERS).map(name -> new Condition.Cluster("behaviour", name));
    }

    static Arbitrary<Condition> event() {
        return Arbitraries.of(EVENTS.specs()).flatMap(spec -> Combinators.combine(
                Arbitraries.of(true, true, false),
                filter(spec).list().ofMaxSize(2),
                window(),
                count(),
                sum(spec)).as((did, where, window, count, sum) -> new Condition.Event(spec.name(), did, where, window, count, sum)));
    }

    static Arbitrary<PropertyFilter> filter(EventSpec spec) {
        return Arbitraries.of(spec.properties()).flatMap(p -> {
            Arbitrary<Literal> value = switch (p.type()) {
                case ENUM -> Arbitraries.of(p.allowedValues()).map(Literal::of);
                case STRING -> Arbitraries.of("SAVE10", "WELCOME", "Spring", "none").map(Literal::of);
                case INTEGER -> Arbitraries.integers().between(0, 6).map(v -> Literal.of((long) v));
                default -> Arbitraries.integers().between(0, 400).map(v -> Literal.of(v * 0.5));
            };
            boolean ordered = p.type().isNumeric();
            List<PropertyFilter.FilterOp> ops = new ArrayList<>(List.of(PropertyFilter.FilterOp.EQ, PropertyFilter.FilterOp.NE,
                    PropertyFilter.FilterOp.IN, PropertyFilter.FilterOp.NOT_IN));
            if (ordered) {
                ops.addAll(List.of(PropertyFilter.FilterOp.GT, PropertyFilter.FilterOp.GTE, PropertyFilter.FilterOp.LT, PropertyFilter.FilterOp.LTE));
            }
            return Combinators.combine(Arbitraries.of(ops), value, value.list().ofMinSize(1).ofMaxSize(3)).as((op, v, vs) ->
                    op == PropertyFilter.FilterOp.IN || op == PropertyFilter.FilterOp.NOT_IN
                            ? new PropertyFilter(p.name(), op, null, vs)
                            : new PropertyFilter(p.name(), op, v, List.of()));
        });
    }

    static Arbitrary<TimeWindow> window() {
        return Arbitraries.frequencyOf(
                of(1, Arbitraries.just(null)),
                of(3, Arbitraries.of(1, 7, 30, 90, 365, 3650).map(TimeWindow::lastDays)),
                of(1, Arbitraries.integers().between(1, 400).map(TimeWindow::lastDays)),
                of(2, Combinators.combine(Arbitraries.integers().between(-700, 60), Arbitraries.integers().between(1, 400), Arbitraries.integers().between(0, 2))
                        .as((start, span, open) -> {
                            LocalDate from = LocalDate.of(2025, 6, 1).plusDays(start);
                            LocalDate to = from.plusDays(span);
                            return new TimeWindow(null, open == 1 ? null : from, open == 2 ? null : to);
                        })));
    }

    static Arbitrary<CountThreshold> count() {
        return Arbitraries.frequencyOf(
                of(2, Arbitraries.just(null)),
                of(1, Combinators.combine(Arbitraries.of(ORDERED), Arbitraries.longs().between(0, 6)).as(CountThreshold::new)));
    }

    static Arbitrary<SumThreshold> sum(EventSpec spec) {
        if (spec.measures().isEmpty()) {
            return Arbitraries.just(null);
        }
        return Arbitraries.frequencyOf(
                of(2, Arbitraries.just(null)),
                of(1, Combinators.combine(Arbitraries.of(spec.measures()), Arbitraries.of(ORDERED), Arbitraries.integers().between(0, 2000))
                        .as((m, o, v) -> new SumThreshold(m.name(), o, v * 0.5))));
    }

    /** The catalog's events, read once. */
    private static final class EventSpecSource {
        List<EventSpec> specs() {
            return TestCatalog.catalog().events();
        }
    }
}
