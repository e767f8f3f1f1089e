package dev.segmentagent.interpret;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.FieldSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema linking at two catalog sizes: the 80-field base and the same catalog widened to 500 with distractors.
 * Prints recall@5/@10 per ranker and the build timings; asserts the hybrid top-10 and the flat candidate size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrievalRecallTest {

    private static final int CANDIDATES = 10;
    private static final long SEED = 20240601L;

    private final Map<String, Setup> setups = new LinkedHashMap<>();

    private record Setup(Catalog catalog, EmbeddingFieldIndex embeddings, KeywordRanker keywords,
                         HybridFieldRetriever hybrid) {}

    @BeforeAll
    void buildIndexes() {
        EmbeddingModel model = TestEmbeddingModel.get();
        model.embed("warm up the ONNX session"); // so the first build below is not charged the session start
        Catalog base = CatalogFixtures.base();
        Catalog wide = CatalogVariants.widen(base, 500, SEED);
        for (Catalog catalog : List.of(base, wide)) {
            EmbeddingFieldIndex index = EmbeddingFieldIndex.build(catalog, model);
            KeywordRanker keywords = new TokenOverlapKeywordRanker(catalog);
            setups.put(label(catalog), new Setup(catalog, index, keywords, new HybridFieldRetriever(index, keywords)));
            System.out.printf("index build: %d fields, %d dims, %d ms (%.2f ms per field text)%n",
                    index.stats().fields(), index.stats().dimension(), index.stats().millis(),
                    index.stats().millis() / (double) index.stats().fields());
        }
        long started = System.nanoTime();
        for (RetrievalCases.Case c : RetrievalCases.ALL) {
            model.embed(c.phrasing());
        }
        System.out.printf("query embedding: %.2f ms per query (%d queries, one at a time)%n",
                (System.nanoTime() - started) / 1e6 / RetrievalCases.ALL.size(), RetrievalCases.ALL.size());
    }

    private static String label(Catalog catalog) {
        return catalog.fields().size() + " fields";
    }

    @Test
    void widened_catalog_has_500_distinct_fields_and_keeps_the_base_fields() {
        Catalog wide = setups.get("500 fields").catalog();
        assertThat(wide.fields()).hasSize(500);
        assertThat(wide.fields().stream().map(FieldSpec::name).distinct()).hasSize(500);
        assertThat(wide.fields().subList(0, 80)).isEqualTo(CatalogFixtures.base().fields());
        assertThat(CatalogVariants.widen(CatalogFixtures.base(), 500, SEED).fields()).isEqualTo(wide.fields());
    }

    @Test
    void hybrid_top_10_contains_the_expected_field_for_every_phrasing_at_80_fields() {
        assertThat(hybridMisses("80 fields")).isEmpty();
    }

    @Test
    void hybrid_top_10_misses_at_most_one_phrasing_at_500_fields() {
        List<String> misses = hybridMisses("500 fields");
        misses.forEach(miss -> System.out.println("hybrid miss at 500 fields: " + miss));
        assertThat(misses).hasSizeLessThanOrEqualTo(1);
    }

    private List<String> hybridMisses(String label) {
        List<String> misses = new ArrayList<>();
        for (RetrievalCases.Case c : RetrievalCases.ALL) {
            List<String> top = names(setups.get(label).hybrid().rank(c.phrasing(), CANDIDATES));
            if (top.stream().noneMatch(c.expected()::contains)) {
                misses.add("'" + c.phrasing() + "' expected one of " + c.expected() + ", got " + top);
            }
        }
        return misses;
    }

    @Test
    void candidate_list_and_prompt_size_stay_flat_as_the_catalog_grows() {
        Setup small = setups.get("80 fields");
        Setup large = setups.get("500 fields");
        int smallChars = 0;
        int largeChars = 0;
        for (RetrievalCases.Case c : RetrievalCases.ALL) {
            List<FieldSpec> a = small.hybrid().candidates(c.phrasing(), CANDIDATES);
            List<FieldSpec> b = large.hybrid().candidates(c.phrasing(), CANDIDATES);
            assertThat(a).hasSize(CANDIDATES);
            assertThat(b).hasSize(CANDIDATES);
            smallChars += promptChars(a);
            largeChars += promptChars(b);
        }
        int fullSmall = promptChars(small.catalog().fields());
        int fullLarge = promptChars(large.catalog().fields());
        System.out.printf("field text in prompt, mean per request: candidates %d chars at 80 fields, %d at 500; "
                        + "whole catalog would be %d and %d%n", smallChars / RetrievalCases.ALL.size(),
                largeChars / RetrievalCases.ALL.size(), fullSmall, fullLarge);
        // Candidate text differs only by which fields won; the whole catalog grows with its size.
        assertThat((double) largeChars / smallChars).isBetween(0.6, 1.5);
        assertThat((double) fullLarge / fullSmall).isGreaterThan(4.0);
    }

    /** The characters a field costs in a prompt: what the agent is shown of it. */
    private static int promptChars(List<FieldSpec> fields) {
        return fields.stream().mapToInt(f -> FieldText.of(f).length()).sum();
    }

    @Test
    void prints_recall_at_5_and_10_per_ranker_and_catalog_size() {
        Map<String, BiFunction<Setup, String, List<String>>> rankers = new LinkedHashMap<>();
        rankers.put("embedding", (s, q) -> names(s.embeddings().search(q, CANDIDATES)));
        rankers.put("keyword", (s, q) -> names(s.keywords().rank(q, CANDIDATES)));
        rankers.put("hybrid", (s, q) -> names(s.hybrid().rank(q, CANDIDATES)));

        StringBuilder table = new StringBuilder(String.format("%n%-10s %-10s %9s %9s%n", "ranker", "catalog", "recall@5", "recall@10"));
        Map<String, Double> at10ByRanker = new LinkedHashMap<>();
        rankers.forEach((ranker, rank) -> setups.forEach((label, setup) -> {
            int at5 = 0;
            int at10 = 0;
            for (RetrievalCases.Case c : RetrievalCases.ALL) {
                List<String> top = rank.apply(setup, c.phrasing());
                at5 += top.subList(0, Math.min(5, top.size())).stream().anyMatch(c.expected()::contains) ? 1 : 0;
                at10 += top.stream().anyMatch(c.expected()::contains) ? 1 : 0;
            }
            double n = RetrievalCases.ALL.size();
            table.append(String.format("%-10s %-10s %9.2f %9.2f%n", ranker, label, at5 / n, at10 / n));
            at10ByRanker.put(ranker + " " + label, at10 / n);
        }));
        System.out.println(table);
        for (String label : setups.keySet()) {
            assertThat(at10ByRanker.get("hybrid " + label))
                    .isGreaterThanOrEqualTo(at10ByRanker.get("embedding " + label))
                    .isGreaterThanOrEqualTo(at10ByRanker.get("keyword " + label));
        }
    }

    private static List<String> names(List<ScoredField> ranked) {
        return ranked.stream().map(ScoredField::name).toList();
    }
}
