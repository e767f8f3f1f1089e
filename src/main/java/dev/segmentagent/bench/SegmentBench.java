package dev.segmentagent.bench;

import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreparedDefinition;
import dev.segmentagent.preview.Preview;
import dev.segmentagent.preview.PreviewService;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.warehouse.WarehouseFacts;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what a marketer feels: how long validation + compilation of a definition takes, and how long a
 * preview (count, funnel, sample) takes on the loaded data, over a fixed mix of 20 typical definitions.
 */
@Singleton
public class SegmentBench {

    static final String MIX = "/bench/preview-mix.jsonl";

    private final DefinitionPipeline pipeline;
    private final PreviewService previews;
    private final WarehouseFacts facts;
    private final RefreshBench refresh;
    private final EventBench events;
    private final PlannerBench planner;
    private final TokenBench tokens;

    SegmentBench(DefinitionPipeline pipeline, PreviewService previews, WarehouseFacts facts, RefreshBench refresh,
                 EventBench events, PlannerBench planner, TokenBench tokens) {
        this.pipeline = pipeline;
        this.previews = previews;
        this.facts = facts;
        this.refresh = refresh;
        this.events = events;
        this.planner = planner;
        this.tokens = tokens;
    }

    /** What to run; a size or rate list left empty, or rounds of 0, skips that section. */
    public record Options(int compileRounds, int previewRounds, List<Integer> refreshSegments,
                          List<Integer> eventRates, int eventSeconds, int plannerRounds, int tokenRequests) {}

    public BenchReport run(Options options, BenchReport.Startup startup) {
        List<SegmentDefinition> mix = loadMix();
        LatencyStats compile = compile(mix, options.compileRounds());
        List<BenchReport.PerDefinition> perDefinition = new ArrayList<>();
        LatencyStats preview = preview(mix, options.previewRounds(), perDefinition);
        List<String> requests = PlannerBench.requests();
        LatencyStats plan = options.plannerRounds() > 0 ? planner.run(requests, options.plannerRounds()) : null;
        List<BenchReport.Tokens> tokenUse = options.tokenRequests() > 0
                ? tokens.run(requests.subList(0, Math.min(options.tokenRequests(), requests.size()))) : List.of();
        List<BenchReport.Refresh> refreshes = new ArrayList<>();
        List<BenchReport.Events> latencies = new ArrayList<>();
        try {
            // events first, with the smallest refresh set live: the incremental update re-evaluates it as well
            List<Integer> sizes = options.refreshSegments().stream().sorted().toList();
            if (!sizes.isEmpty()) {
                refreshes.add(refresh.run(sizes.get(0)));
            }
            for (int rate : options.eventRates()) {
                latencies.add(events.run(rate, options.eventSeconds(), 42L + rate));
            }
            for (int size : sizes.subList(Math.min(1, sizes.size()), sizes.size())) {
                refreshes.add(refresh.run(size));
            }
        } finally {
            refresh.removeBenchSegments();
        }
        return new BenchReport(machine(), facts.customerCount(), mix.size(), facts.all(), startup, compile, preview,
                perDefinition, refreshes, latencies, plan, plan == null ? 0 : requests.size(), tokenUse);
    }

    /** @return null when switched off (0 rounds) */
    private LatencyStats compile(List<SegmentDefinition> mix, int compileRounds) {
        if (compileRounds <= 0) {
            return null;
        }
        long[] compileNanos = new long[mix.size() * compileRounds];
        int c = 0;
        for (int round = 0; round < compileRounds; round++) {
            for (SegmentDefinition definition : mix) {
                long start = System.nanoTime();
                pipeline.prepare(definition, null, null);
                compileNanos[c++] = System.nanoTime() - start;
            }
        }
        return LatencyStats.of(compileNanos, 1e3, "µs");
    }

    private LatencyStats preview(List<SegmentDefinition> mix, int previewRounds,
                                 List<BenchReport.PerDefinition> perDefinition) {
        if (previewRounds <= 0) {
            return null;
        }

        for (SegmentDefinition definition : mix) { // warm-up: JIT and DuckDB caches
            previews.preview(pipeline.prepare(definition, null, null), 10);
        }
        long[] previewNanos = new long[mix.size() * previewRounds];
        int p = 0;
        for (SegmentDefinition definition : mix) {
            long[] own = new long[previewRounds];
            long count = 0;
            for (int round = 0; round < previewRounds; round++) {
                long start = System.nanoTime();
                PreparedDefinition prepared = pipeline.prepare(definition, null, null);
                Preview preview = previews.preview(prepared, 10);
                own[round] = System.nanoTime() - start;
                previewNanos[p++] = own[round];
                count = preview.count();
            }
            LatencyStats stats = LatencyStats.of(own, 1e6, "ms");
            perDefinition.add(new BenchReport.PerDefinition(definition.name(), count, stats.p50(), stats.max()));
        }
        return LatencyStats.of(previewNanos, 1e6, "ms");
    }

    static List<SegmentDefinition> loadMix() {
        try (InputStream in = SegmentBench.class.getResourceAsStream(MIX);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).map(SegmentJson::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MIX, e);
        }
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format("%d cores, %d MiB max heap, Java %s, %s", runtime.availableProcessors(),
                runtime.maxMemory() >> 20, System.getProperty("java.version"), System.getProperty("os.name"));
    }
}
