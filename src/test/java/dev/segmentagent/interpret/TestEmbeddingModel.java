package dev.segmentagent.interpret;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** One in-jar MiniLM instance per test JVM: loading the ONNX session is the slow part, not embedding. */
final class TestEmbeddingModel {

    private static EmbeddingModel instance;

    private TestEmbeddingModel() {
    }

    static synchronized EmbeddingModel get() {
        if (instance == null) {
            instance = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        return instance;
    }
}
