package dev.segmentagent.interpret;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.segmentagent.catalog.Catalog;

/** Opens this package's test catalog tools to the agent's tests in {@code interpret.llm}. */
public final class WidenedCatalogs {

    private WidenedCatalogs() {
    }

    /** {@code base} grown to {@code fields} with the seeded distractors of {@link CatalogVariants}. */
    public static Catalog widen(Catalog base, int fields, long seed) {
        return CatalogVariants.widen(base, fields, seed);
    }

    /** The shared in-jar MiniLM instance of the test JVM. */
    public static EmbeddingModel embeddingModel() {
        return TestEmbeddingModel.get();
    }
}
