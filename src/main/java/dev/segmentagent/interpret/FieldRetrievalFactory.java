package dev.segmentagent.interpret;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.warehouse.WarehouseConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The catalog's schema linking as beans: the in-jar MiniLM model (offline), the field index over the
 * current catalog (vectors cached in the data folder, so a restart does not re-embed) and the hybrid
 * retriever that fuses it with the catalog's keyword search. Shared by the LLM agent and the offline planner.
 */
@Factory
class FieldRetrievalFactory {

    private static final Logger LOG = LoggerFactory.getLogger(FieldRetrievalFactory.class);

    @Singleton
    EmbeddingModel fieldEmbeddingModel() {
        return new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Singleton
    EmbeddingFieldIndex fieldIndex(CatalogService catalogs, EmbeddingModel model, WarehouseConfig data) {
        EmbeddingFieldIndex index = EmbeddingFieldIndex.build(catalogs.catalog(), model,
                Path.of(data.dir()).resolve("field-vectors"));
        EmbeddingFieldIndex.BuildStats stats = index.stats();
        LOG.info("field index: {} fields, {} embedded, from cache {}, {} ms", stats.fields(), stats.embedded(),
                stats.fromCache(), stats.millis());
        return index;
    }

    @Singleton
    HybridFieldRetriever fieldRetriever(EmbeddingFieldIndex index, CatalogService catalogs) {
        KeywordRanker keywords = (query, k) -> catalogs.search(query, k).stream()
                .map(hit -> new ScoredField(hit.field(), hit.score()))
                .toList();
        return new HybridFieldRetriever(index, keywords);
    }
}
