package dev.segmentagent.interpret;

import dev.segmentagent.catalog.FieldSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schema linking: the few catalog fields a request is probably about. The agent's prompt only ever holds
 * these candidates, never the whole catalog, so its size stays flat as the catalog grows.
 *
 * <p>The embedding ranking (understands paraphrase: "spent the most") and the keyword ranking (exact names and
 * synonyms: "LTV", "send back") are combined in two steps, each fixing a failure measured at 500 fields:
 * <ol>
 *   <li>Each ranker's top {@value #RESERVED_PER_RANKER} always get a slot. RRF alone demotes a field that one
 *       ranker puts first and the other misses ("people who send back a lot of what they order": keyword rank
 *       1, embedding rank 53, fused rank 26) below a family of fields both rankers find mediocre.</li>
 *   <li>The other slots go to the best of the {@link ReciprocalRankFusion} of both rankings.</li>
 * </ol>
 * The result is in fused-score order. Diversifying by maximal marginal relevance was tried and dropped: it
 * removes look-alikes (revenue_365d next to revenue_percentile), and look-alikes are what the agent must see
 * side by side to choose between them.
 */
public final class HybridFieldRetriever {

    /** Each ranker is read at least this deep, so a field ranked 25th by both can still beat one ranked 1st by one. */
    static final int MIN_DEPTH = 50;
    /** Slots each ranker's own best fields always get (never more than half of k in all). */
    static final int RESERVED_PER_RANKER = 2;

    private final EmbeddingFieldIndex embeddings;
    private final KeywordRanker keywords;

    public HybridFieldRetriever(EmbeddingFieldIndex embeddings, KeywordRanker keywords) {
        this.embeddings = embeddings;
        this.keywords = keywords;
    }

    /** The {@code k} candidates in fused-score order; each score is the field's RRF sum. */
    public List<ScoredField> rank(String query, int k) {
        if (k <= 0) {
            return List.of();
        }
        int depth = Math.max(MIN_DEPTH, 3 * k);
        List<ScoredField> byEmbedding = embeddings.search(query, depth);
        List<ScoredField> byKeyword = keywords.rank(query, depth);
        // The whole union, so every reserved field has its fused score. Embedding first: it wins equal scores.
        List<ScoredField> fused = ReciprocalRankFusion.fuse(2 * depth, List.of(byEmbedding, byKeyword));
        Map<String, ScoredField> fusedByName = new LinkedHashMap<>();
        fused.forEach(f -> fusedByName.put(f.name(), f));

        List<ScoredField> picked = new ArrayList<>(k);
        int reserved = Math.min(RESERVED_PER_RANKER, k / 4);
        for (List<ScoredField> ranking : List.of(byEmbedding, byKeyword)) {
            ranking.stream().limit(reserved).map(f -> fusedByName.get(f.name()))
                    .filter(f -> !picked.contains(f)).forEach(picked::add);
        }
        for (ScoredField next : fused) {
            if (picked.size() >= k) {
                break;
            }
            if (!picked.contains(next)) {
                picked.add(next);
            }
        }
        picked.sort(Comparator.comparingInt(f -> fused.indexOf(f)));
        return List.copyOf(picked);
    }

    /** The top {@code k} candidate fields for the agent's prompt. */
    public List<FieldSpec> candidates(String query, int k) {
        return rank(query, k).stream().map(ScoredField::field).toList();
    }
}
