package dev.segmentagent.catalog;

import java.util.Map;

/**
 * One way of judging how well each field answers a query (keywords today, embeddings later). Returns raw
 * scores by field name, higher is better, fields it has no opinion on left out; {@link FieldSearch}
 * normalises and weights the scorers, so scorers need not share a scale.
 */
public interface FieldScorer {
    Map<String, Double> score(String query);
}
