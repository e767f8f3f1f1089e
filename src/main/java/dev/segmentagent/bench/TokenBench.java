package dev.segmentagent.bench;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.interpret.CatalogVariants;
import dev.segmentagent.interpret.InterpretationUsage;
import dev.segmentagent.interpret.llm.AgentTokenProbe;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tokens per request of the LLM agent as the catalog grows: the same requests with the service's catalog cut to
 * 80 fields, as it is, and widened to 500 with realistic look-alike fields ({@link CatalogVariants}). Schema
 * linking puts a fixed number of candidate fields in the prompt, so prompt size should stay flat; this shows
 * whether it does. The figures come from the configured endpoint's usage, or from the tokenizer over the
 * requests the real client sent to the in-process loopback endpoint ({@link AgentTokenProbe}).
 */
@Singleton
class TokenBench {

    /** Catalog sizes measured besides the service's own. */
    static final List<Integer> SIZES = List.of(80, 500);
    /** Seed of the widened catalog's distractor choice (the retrieval tests use the same one). */
    static final long WIDEN_SEED = 20_261_130L;

    private final AgentTokenProbe probe;

    TokenBench(AgentTokenProbe probe) {
        this.probe = probe;
    }

    List<BenchReport.Tokens> run(List<String> requests) {
        Catalog service = probe.serviceCatalog();
        List<Catalog> catalogs = new ArrayList<>();
        for (int size : SIZES) {
            if (size < service.fields().size()) {
                catalogs.add(CatalogVariants.narrow(service, size));
            }
        }
        catalogs.add(service);
        for (int size : SIZES) {
            if (size > service.fields().size()) {
                catalogs.add(CatalogVariants.widen(service, size, WIDEN_SEED));
            }
        }
        List<BenchReport.Tokens> results = new ArrayList<>();
        for (Catalog catalog : catalogs) {
            results.add(summary(probe.run(catalog, requests), requests.size()));
        }
        return results;
    }

    static BenchReport.Tokens summary(AgentTokenProbe.Run run, int requests) {
        List<InterpretationUsage> usages = run.requests();
        long[] prompt = usages.stream().mapToLong(InterpretationUsage::promptTokens).toArray();
        long[] completion = usages.stream().mapToLong(InterpretationUsage::completionTokens).toArray();
        long[] callPrompts = run.calls().stream().mapToLong(c -> c[0]).toArray();
        double calls = usages.stream().mapToInt(InterpretationUsage::llmCalls).average().orElse(0);
        String source = run.source() == AgentTokenProbe.Source.ENDPOINT
                ? "usage reported by " + run.endpoint() + " (" + run.model() + ")"
                : "o200k tokenizer over the requests sent to the loopback endpoint (no LLM configured)";
        return new BenchReport.Tokens(run.catalogFields(), source, requests, usages.size(), run.failures().size(), calls,
                median(prompt), max(prompt), median(completion), max(completion), max(callPrompts));
    }

    private static long median(long[] values) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
