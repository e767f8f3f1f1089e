package dev.segmentagent.interpret;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.FieldSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingFieldIndexTest {

    /** The real model, counting the texts it embeds: proves when the cache spared the model. */
    private static final class CountingModel implements EmbeddingModel {
        final AtomicInteger texts = new AtomicInteger();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            texts.addAndGet(segments.size());
            return TestEmbeddingModel.get().embedAll(segments);
        }

        @Override
        public int dimension() {
            return TestEmbeddingModel.get().dimension();
        }
    }

    @Test
    void field_text_reads_the_name_as_words_with_description_synonyms_and_unit() {
        FieldSpec field = CatalogFixtures.base().field("days_since_last_order").orElseThrow();

        assertThat(FieldText.of(field)).isEqualTo("days since last order. Days since the customer's most recent order; "
                + "large values mean a lapsed buyer. Also called: recency, last purchase, lapsed, has not bought in a "
                + "while, inactive buyers. Unit: days.");
    }

    @Test
    void each_field_is_found_first_by_its_own_text() {
        Catalog catalog = CatalogFixtures.base();
        EmbeddingFieldIndex index = EmbeddingFieldIndex.build(catalog, TestEmbeddingModel.get());

        for (FieldSpec field : catalog.fields()) {
            ScoredField top = index.search(FieldText.of(field), 1).get(0);
            assertThat(top.name()).as("own text of %s", field.name()).isEqualTo(field.name());
            assertThat(top.score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void search_returns_k_fields_best_first_with_cosine_scores() {
        EmbeddingFieldIndex index = EmbeddingFieldIndex.build(CatalogFixtures.base(), TestEmbeddingModel.get());

        List<ScoredField> hits = index.search("lifetime revenue", 7);

        assertThat(hits).hasSize(7);
        assertThat(hits.get(0).name()).isEqualTo("revenue_lifetime");
        assertThat(hits).extracting(ScoredField::score).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(score -> assertThat(score).isBetween(-1.0, 1.0));
        assertThat(index.search("lifetime revenue", 500)).hasSize(80);
        assertThat(index.search(" ", 5)).isEmpty();
    }

    @Test
    void deprecated_fields_stay_in_results_and_are_marked() {
        EmbeddingFieldIndex index = EmbeddingFieldIndex.build(CatalogFixtures.base(), TestEmbeddingModel.get());

        List<ScoredField> hits = index.search("total spend before refunds", 5);

        assertThat(hits).filteredOn(ScoredField::deprecated).extracting(ScoredField::name)
                .containsExactly("total_spend_legacy");
        assertThat(hits).filteredOn(hit -> !hit.deprecated()).isNotEmpty();
    }

    @Test
    void vectors_are_read_from_the_cache_when_the_field_texts_are_unchanged(@TempDir Path dir) {
        CountingModel model = new CountingModel();
        EmbeddingFieldIndex first = EmbeddingFieldIndex.build(CatalogFixtures.base(), model, dir);
        EmbeddingFieldIndex second = EmbeddingFieldIndex.build(CatalogFixtures.base(), model, dir);

        assertThat(first.stats().fromCache()).isFalse();
        assertThat(first.stats().embedded()).isEqualTo(80);
        assertThat(second.stats().fromCache()).isTrue();
        assertThat(second.stats().embedded()).isZero();
        assertThat(model.texts.get()).isEqualTo(80);
        assertThat(second.search("likely to churn", 5)).isEqualTo(first.search("likely to churn", 5));
    }

    @Test
    void a_changed_description_invalidates_the_cached_vectors(@TempDir Path dir) {
        CountingModel model = new CountingModel();
        Catalog base = CatalogFixtures.base();
        EmbeddingFieldIndex.build(base, model, dir);
        List<FieldSpec> edited = new ArrayList<>(base.fields());
        FieldSpec churn = edited.get(edited.indexOf(base.field("churn_risk").orElseThrow()));
        edited.set(edited.indexOf(churn), new FieldSpec(churn.name(), churn.group(), churn.type(), churn.unit(),
                "Probability that the customer stops buying within 60 days.", churn.synonyms(), churn.allowedValues(),
                churn.pii(), churn.piiConditionAllowed(), churn.deprecatedUse(), churn.lookAlikes(), churn.min(),
                churn.max(), churn.derivation()));

        EmbeddingFieldIndex rebuilt = EmbeddingFieldIndex.build(CatalogFixtures.catalogOf(edited), model, dir);

        assertThat(rebuilt.stats().fromCache()).isFalse();
        assertThat(model.texts.get()).isEqualTo(160);
    }

    @Test
    void a_damaged_cache_file_is_re_embedded_not_fatal(@TempDir Path dir) throws Exception {
        CountingModel model = new CountingModel();
        EmbeddingFieldIndex.build(CatalogFixtures.base(), model, dir);
        try (var files = Files.list(dir)) {
            Path cached = files.filter(p -> p.getFileName().toString().endsWith(".bin")).findFirst().orElseThrow();
            Files.write(cached, new byte[] {1, 2, 3});
        }

        EmbeddingFieldIndex rebuilt = EmbeddingFieldIndex.build(CatalogFixtures.base(), model, dir);

        assertThat(rebuilt.stats().fromCache()).isFalse();
        assertThat(rebuilt.search("lifetime revenue", 1).get(0).name()).isEqualTo("revenue_lifetime");
    }
}
