package dev.segmentagent.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How each cost of the bench grows with the number of customers: the same measures read from bench reports of
 * different sizes (their JSON files), side by side, with the growth from the smallest to the largest. Built from
 * the reports rather than typed by hand, so that the table in BENCHMARKS.md is what the runs printed.
 */
public record GrowthTable(List<Long> customers, List<Row> rows) {

    /**
     * One measure at each size (null where a report did not run it) and whether the chart draws it: one line per
     * kind of cost that reads customer data (the first refresh size and event rate stand for the others, which
     * grow alike); work that touches no data stays flat and is left to the table.
     */
    public record Row(String measure, List<Double> values, boolean charted) {

        /** Largest size's value over the smallest's; null when either is missing or zero. */
        public Double growth() {
            Double first = values.get(0);
            Double last = values.get(values.size() - 1);
            return first == null || last == null || first == 0 ? null : last / first;
        }
    }

    private record Measure(String name, boolean charted, Function<BenchReport, Double> value) {}

    /** The reports in order of size; measures are those of the smallest report (sizes are compared like for like). */
    public static GrowthTable of(List<BenchReport> reports) {
        if (reports.size() < 2) {
            throw new IllegalArgumentException("growth needs bench reports of at least two sizes, got " + reports.size());
        }
        List<BenchReport> sorted = reports.stream().sorted(Comparator.comparingLong(BenchReport::customers)).toList();
        List<Row> rows = new ArrayList<>();
        for (Measure measure : measures(sorted.get(0))) {
            List<Double> values = sorted.stream().map(measure.value()).toList();
            if (values.stream().anyMatch(Objects::nonNull)) {
                rows.add(new Row(measure.name(), values, measure.charted()));
            }
        }
        return new GrowthTable(sorted.stream().map(BenchReport::customers).toList(), rows);
    }

    private static List<Measure> measures(BenchReport smallest) {
        List<Measure> measures = new ArrayList<>();
        measures.add(new Measure("start-up, data reused (s)", false,
                r -> r.startup() == null || r.startup().generated() ? null : r.startup().seconds()));
        measures.add(new Measure("heap used after GC (MiB)", true,
                r -> r.startup() == null ? null : (double) r.startup().heapUsedMiB()));
        measures.add(new Measure("DuckDB memory (MiB)", true,
                r -> r.startup() == null ? null : (double) r.startup().duckDbMemoryMiB()));
        measures.add(new Measure("validate + compile p50 (µs)", false, r -> p50(r.validateCompile())));
        measures.add(new Measure("offline planner p50 (ms)", false, r -> p50(r.planner())));
        measures.add(new Measure("preview p50 (ms)", true, r -> p50(r.preview())));
        measures.add(new Measure("preview p99 (ms)", true, r -> r.preview() == null ? null : r.preview().p99()));
        boolean firstSize = true;
        for (BenchReport.Refresh refresh : orEmpty(smallest.refresh())) {
            int n = refresh.segments();
            measures.add(new Measure(String.format("%,d-segment refresh, hand-written SQL (s)", n), firstSize,
                    r -> refresh(r, n, BenchReport.Refresh::handWrittenSeconds)));
            measures.add(new Measure(String.format("%,d-segment refresh, first (s)", n), false,
                    r -> refresh(r, n, BenchReport.Refresh::firstSeconds)));
            measures.add(new Measure(String.format("%,d-segment refresh, steady (s)", n), firstSize,
                    r -> refresh(r, n, BenchReport.Refresh::steadySeconds)));
            firstSize = false;
        }
        boolean firstRate = true;
        for (BenchReport.Events events : orEmpty(smallest.events())) {
            int rate = events.targetPerSecond();
            measures.add(new Measure(String.format("event → membership p50 at %,d/s (ms)", rate), false,
                    r -> events(r, rate, l -> l.p50())));
            measures.add(new Measure(String.format("event → membership p99 at %,d/s (ms)", rate), firstRate,
                    r -> events(r, rate, l -> l.p99())));
            firstRate = false;
        }
        return measures;
    }

    /** A report written before a section existed reads back with that list null. */
    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Double p50(LatencyStats stats) {
        return stats == null ? null : stats.p50();
    }

    private static Double refresh(BenchReport report, int segments, Function<BenchReport.Refresh, Double> value) {
        return orEmpty(report.refresh()).stream().filter(r -> r.segments() == segments).findFirst().map(value).orElse(null);
    }

    private static Double events(BenchReport report, int rate, Function<LatencyStats, Double> value) {
        return orEmpty(report.events()).stream().filter(e -> e.targetPerSecond() == rate && e.latency() != null).findFirst()
                .map(e -> value.apply(e.latency())).orElse(null);
    }

    /** Writes {@link GrowthChart}'s log-log chart of the data-bound rows as a PNG. */
    public void writeChart(java.nio.file.Path png) throws java.io.IOException {
        GrowthChart.writePng(this, png);
    }

    /** Markdown: one column per size, then the growth. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("| measure |");
        customers.forEach(c -> out.append(' ').append(size(c)).append(" |"));
        out.append(" growth |\n|---|");
        customers.forEach(c -> out.append("---:|"));
        out.append("---:|\n");
        for (Row row : rows) {
            out.append("| ").append(row.measure()).append(" |");
            row.values().forEach(v -> out.append(' ').append(v == null ? "–" : number(v)).append(" |"));
            Double growth = row.growth();
            out.append(' ').append(growth == null ? "–" : String.format("%.2f×", growth)).append(" |\n");
        }
        out.append(String.format("%nCustomers grow %.0f× from the first column to the last.%n",
                (double) customers.get(customers.size() - 1) / customers.get(0)));
        return out.toString();
    }

    /** 50000 → "50k", 1000000 → "1M". */
    static String size(long customers) {
        if (customers >= 1_000_000 && customers % 1_000_000 == 0) {
            return customers / 1_000_000 + "M";
        }
        return customers >= 1_000 && customers % 1_000 == 0 ? customers / 1_000 + "k" : String.format("%,d", customers);
    }

    private static String number(double value) {
        return value >= 100 ? String.format("%,.0f", value) : value >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
    }
}
