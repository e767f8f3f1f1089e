package dev.segmentagent.interpret;

import dev.segmentagent.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HybridFieldRetrieverTest {

    private final Catalog catalog = CatalogFixtures.base();
    private final EmbeddingFieldIndex index = EmbeddingFieldIndex.build(catalog, TestEmbeddingModel.get());

    @Test
    void a_keyword_rankers_first_field_gets_a_slot_even_when_embeddings_rank_it_low() {
        // given a keyword ranker that is sure of a field the embedding model finds unrelated
        KeywordRanker sure = (query, k) -> List.of(new ScoredField(catalog.field("is_employee").orElseThrow(), 9));
        HybridFieldRetriever retriever = new HybridFieldRetriever(index, sure);

        // when
        List<String> candidates = retriever.rank("lifetime revenue", 10).stream().map(ScoredField::name).toList();

        // then it is among the candidates beside the embedding's best, and k is kept
        assertThat(candidates).hasSize(10).contains("is_employee", "revenue_lifetime").doesNotHaveDuplicates();
        assertThat(index.search("lifetime revenue", 10)).extracting(ScoredField::name).doesNotContain("is_employee");
    }

    @Test
    void candidates_are_in_fused_score_order_and_k_zero_gives_none() {
        HybridFieldRetriever retriever = new HybridFieldRetriever(index, new TokenOverlapKeywordRanker(catalog));

        assertThat(retriever.rank("likely to churn", 10)).extracting(ScoredField::score)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(retriever.candidates("likely to churn", 0)).isEmpty();
    }
}
