package dev.segmentagent.interpret;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.FieldSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A plain keyword ranker for the retrieval tests: query words matched against a field's name (weight 3),
 * synonyms (2) and description (1), after lower-casing, dropping stop words and a crude suffix stemming, each
 * match weighted by the word's inverse document frequency over the catalog. Without IDF, a word like "order"
 * that a widened catalog repeats in a hundred field names outvotes the one rare word that matters ("back").
 * It stands in for the catalog's keyword search, which plugs into {@link KeywordRanker} the same way.
 */
final class TokenOverlapKeywordRanker implements KeywordRanker {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "in", "on", "our", "who", "with",
            "and", "or", "to", "for", "their", "they", "them", "that", "than", "is", "are", "was", "were", "be",
            "customer", "customers", "people", "those", "have", "has", "had", "not", "n't", "do", "does", "did",
            "it", "at", "by", "from", "us", "we", "any", "all", "most", "more", "less", "used", "been");

    private record Entry(FieldSpec field, Set<String> name, Set<String> synonyms, Set<String> description) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();

    TokenOverlapKeywordRanker(Catalog catalog) {
        for (FieldSpec field : catalog.fields()) {
            Entry entry = new Entry(field, tokens(field.name().replace('_', ' ')),
                    tokens(String.join(" ", field.synonyms())), tokens(field.description()));
            entries.add(entry);
            Set<String> all = new HashSet<>(entry.name);
            all.addAll(entry.synonyms);
            all.addAll(entry.description);
            all.forEach(word -> documentFrequency.merge(word, 1, Integer::sum));
        }
    }

    private double idf(String word) {
        return Math.log(1.0 + (double) entries.size() / documentFrequency.getOrDefault(word, 1));
    }

    @Override
    public List<ScoredField> rank(String query, int k) {
        Set<String> words = tokens(query);
        List<ScoredField> scored = new ArrayList<>();
        for (Entry entry : entries) {
            double score = 0;
            for (String word : words) {
                double weight = entry.name.contains(word) ? 3 : entry.synonyms.contains(word) ? 2
                        : entry.description.contains(word) ? 1 : 0;
                score += weight * idf(word);
            }
            if (score > 0) {
                scored.add(new ScoredField(entry.field, score));
            }
        }
        // stable sort: ties keep catalog order
        scored.sort(Comparator.comparingDouble(ScoredField::score).reversed());
        return List.copyOf(scored.subList(0, Math.min(k, scored.size())));
    }

    static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        if (text == null) {
            return tokens;
        }
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!raw.isEmpty() && !STOP_WORDS.contains(raw)) {
                tokens.add(stem(raw));
            }
        }
        return tokens;
    }

    private static String stem(String word) {
        if (word.length() > 5 && word.endsWith("ing")) {
            return word.substring(0, word.length() - 3);
        }
        if (word.length() > 4 && word.endsWith("ed")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
