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

    SegmentBench(DefinitionPipeline pipeline, PreviewService previews, WarehouseFacts facts) {
        this.pipeline = pipeline;
        this.previews = previews;
        this.facts = facts;
    }

    public BenchReport run(int compileRounds, int previewRounds) {
        List<SegmentDefinition> mix = loadMix();
        long[] compileNanos = new long[mix.size() * compileRounds];
        int c = 0;
        for (int round = 0; round < compileRounds; round++) {
            for (SegmentDefinition definition : mix) {
                long start = System.nanoTime();
                pipeline.prepare(definition, null, null);
                compileNanos[c++] = System.nanoTime() - start;
            }
        }

        for (SegmentDefinition definition : mix) { // warm-up: JIT and DuckDB caches
            previews.preview(pipeline.prepare(definition, null, null), 10);
        }
        long[] previewNanos = new long[mix.size() * previewRounds];
        List<BenchReport.PerDefinition> perDefinition = new ArrayList<>();
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
        return new BenchReport(machine(), facts.customerCount(), mix.size(), facts.all(),
                LatencyStats.of(compileNanos, 1e3, "µs"), LatencyStats.of(previewNanos, 1e6, "ms"), perDefinition);
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
