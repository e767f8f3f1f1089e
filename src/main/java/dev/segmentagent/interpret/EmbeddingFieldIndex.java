package dev.segmentagent.interpret;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.FieldSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Semantic search over catalog fields: every field's text is embedded once, at build time, into one
 * row-major matrix of unit vectors, so a query costs one embedding plus a dot product per field (cosine
 * similarity, since all rows are normalised). Nothing is filtered out here; callers decide what to show.
 */
public final class EmbeddingFieldIndex {

    private final List<FieldSpec> fields;
    private final EmbeddingModel model;
    private final float[] matrix;
    private final int dimension;
    private final BuildStats stats;

    /**
     * How the index was built: {@code embedded} is how many texts went through the model (0 when the vectors
     * came from the cache file).
     */
    public record BuildStats(int fields, int dimension, int embedded, boolean fromCache, long millis) {}

    private EmbeddingFieldIndex(List<FieldSpec> fields, EmbeddingModel model, float[] matrix, int dimension,
                                BuildStats stats) {
        this.fields = fields;
        this.model = model;
        this.matrix = matrix;
        this.dimension = dimension;
        this.stats = stats;
    }

    /** Embeds every field of the catalog now. */
    public static EmbeddingFieldIndex build(Catalog catalog, EmbeddingModel model) {
        return build(catalog, model, null);
    }

    /**
     * Embeds every field, or reads the vectors from {@code cacheDirectory} when a file for exactly these field
     * texts and this model exists there (and writes one otherwise). {@code cacheDirectory} may be null.
     */
    public static EmbeddingFieldIndex build(Catalog catalog, EmbeddingModel model, Path cacheDirectory) {
        long started = System.nanoTime();
        List<FieldSpec> fields = catalog.fields();
        List<String> texts = fields.stream().map(FieldText::of).toList();
        int dimension = model.dimension();
        Optional<FieldVectorCache> cache = Optional.ofNullable(cacheDirectory).map(FieldVectorCache::new);
        String key = FieldVectorCache.key(model.modelName() + "/" + model.getClass().getName() + "/" + dimension, texts);

        Optional<float[]> cached = cache.flatMap(c -> c.read(key, fields.size(), dimension));
        float[] matrix = cached.orElseGet(() -> embedAll(model, texts, dimension));
        if (cached.isEmpty()) {
            cache.ifPresent(c -> c.write(key, fields.size(), dimension, matrix));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        BuildStats stats = new BuildStats(fields.size(), dimension, cached.isPresent() ? 0 : texts.size(),
                cached.isPresent(), millis);
        return new EmbeddingFieldIndex(fields, model, matrix, dimension, stats);
    }

    private static float[] embedAll(EmbeddingModel model, List<String> texts, int dimension) {
        float[] matrix = new float[texts.size() * dimension];
        if (texts.isEmpty()) {
            return matrix;
        }
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        for (int row = 0; row < embeddings.size(); row++) {
            float[] unit = normalised(embeddings.get(row).vector(), dimension);
            System.arraycopy(unit, 0, matrix, row * dimension, dimension);
        }
        return matrix;
    }

    private static float[] normalised(float[] vector, int dimension) {
        if (vector.length != dimension) {
            throw new IllegalStateException("embedding has " + vector.length + " dimensions, expected " + dimension);
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            unit[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        }
        return unit;
    }

    /** The {@code k} fields most similar to the query, best first; scores are cosine similarities. */
    public List<ScoredField> search(String query, int k) {
        if (k <= 0 || fields.isEmpty() || query == null || query.isBlank()) {
            return List.of();
        }
        float[] q = normalised(model.embed(query).content().vector(), dimension);
        double[] scores = new double[fields.size()];
        for (int row = 0; row < fields.size(); row++) {
            double dot = 0;
            int offset = row * dimension;
            for (int i = 0; i < dimension; i++) {
                dot += matrix[offset + i] * q[i];
            }
            scores[row] = dot;
        }
        // Ties broken by catalog order so results are reproducible.
        List<ScoredField> ranked = new ArrayList<>(Math.min(k, fields.size()));
        IntStream.range(0, fields.size()).boxed()
                .sorted(Comparator.<Integer>comparingDouble(row -> -scores[row]).thenComparingInt(row -> row))
                .limit(k)
                .forEach(row -> ranked.add(new ScoredField(fields.get(row), scores[row])));
        return List.copyOf(ranked);
    }

    public int size() {
        return fields.size();
    }

    public BuildStats stats() {
        return stats;
    }
}
