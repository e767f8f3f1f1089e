package dev.segmentagent.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BM25 over a field's words with per-part weights (a BM25F simplification): a hit in the name counts 3x,
 * in a synonym 2x, in the description or allowed values 1x. On top, a phrase bonus when the query's words
 * appear next to each other in the name or a synonym ("open rate", "lifetime revenue"), because adjacency
 * there is the strongest sign the marketer means this field.
 */
final class KeywordScorer implements FieldScorer {

    private static final double K1 = 1.2;
    private static final double B = 0.5;
    private static final double NAME = 3.0;
    private static final double SYNONYM = 2.0;
    private static final double TEXT = 1.0;
    private static final double PHRASE_BONUS = 2.0;

    private final List<Doc> docs = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    private record Doc(String name, Map<String, Double> weights, double length, List<List<String>> phrases) {}

    KeywordScorer(Catalog catalog) {
        double totalLength = 0;
        for (FieldSpec field : catalog.fields()) {
            Map<String, Double> weights = new HashMap<>();
            List<List<String>> phrases = new ArrayList<>();
            phrases.add(Tokens.of(field.name()));
            add(weights, Tokens.of(field.name()), NAME);
            for (String synonym : field.synonyms()) {
                add(weights, Tokens.of(synonym), SYNONYM);
                phrases.add(Tokens.of(synonym));
            }
            add(weights, Tokens.of(field.description()), TEXT);
            field.allowedValues().forEach(v -> add(weights, Tokens.of(v), TEXT));
            add(weights, Tokens.of(field.group()), TEXT);
            double length = weights.values().stream().mapToDouble(Double::doubleValue).sum();
            totalLength += length;
            docs.add(new Doc(field.name(), weights, length, phrases));
            weights.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        }
        averageLength = docs.isEmpty() ? 1 : totalLength / docs.size();
    }

    private static void add(Map<String, Double> weights, List<String> tokens, double weight) {
        tokens.forEach(t -> weights.merge(t, weight, Double::sum));
    }

    @Override
    public Map<String, Double> score(String query) {
        List<String> terms = Tokens.of(query).stream().distinct().toList();
        List<String> sequence = Tokens.of(query);
        Map<String, Double> scores = new HashMap<>();
        int n = docs.size();
        for (Doc doc : docs) {
            double score = 0;
            for (String term : terms) {
                Double tf = doc.weights().get(term);
                if (tf == null) {
                    continue;
                }
                int df = documentFrequency.getOrDefault(term, 0);
                double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                double norm = K1 * (1 - B + B * doc.length() / averageLength);
                score += idf * tf * (K1 + 1) / (tf + norm);
            }
            if (score > 0) {
                score += PHRASE_BONUS * phraseMatches(sequence, doc.phrases());
                scores.put(doc.name(), score);
            }
        }
        return scores;
    }

    /** Adjacent query word pairs found adjacent in the name or a synonym; a one-word query matching a whole synonym counts once. */
    private static int phraseMatches(List<String> query, List<List<String>> phrases) {
        int matches = 0;
        if (query.size() == 1) {
            return phrases.stream().anyMatch(p -> p.equals(query)) ? 1 : 0;
        }
        for (int i = 0; i + 1 < query.size(); i++) {
            String first = query.get(i);
            String second = query.get(i + 1);
            for (List<String> phrase : phrases) {
                if (adjacent(phrase, first, second)) {
                    matches++;
                    break;
                }
            }
        }
        if (phrases.stream().anyMatch(p -> p.equals(query))) {
            matches++;
        }
        return matches;
    }

    private static boolean adjacent(List<String> phrase, String first, String second) {
        for (int i = 0; i + 1 < phrase.size(); i++) {
            if (phrase.get(i).equals(first) && phrase.get(i + 1).equals(second)) {
                return true;
            }
        }
        return false;
    }
}
