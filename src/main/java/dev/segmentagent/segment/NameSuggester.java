package dev.segmentagent.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ranks catalog names by closeness to a name that was not found: edit distance on the whole name (typos,
 * homoglyphs), overlap of snake_case words ("open_rate" → email_open_rate_30d) and the same on synonyms
 * ("spend" → total_spend_365d through a synonym).
 */
final class NameSuggester {

    record Candidate(String name, List<String> synonyms) {}

    private NameSuggester() {}

    static List<String> closest(String query, List<Candidate> candidates, int limit) {
        String q = normalise(query);
        record Scored(String name, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (Candidate c : candidates) {
            double best = similarity(q, c.name());
            for (String synonym : c.synonyms()) {
                best = Math.max(best, 0.98 * similarity(q, normalise(synonym)));
            }
            scored.add(new Scored(c.name(), best));
        }
        return scored.stream()
                .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::name))
                .limit(limit)
                .map(Scored::name)
                .toList();
    }

    static double similarity(String q, String name) {
        if (q.equals(name)) {
            return 1.0;
        }
        int max = Math.max(q.length(), name.length());
        double edit = max == 0 ? 0 : 1.0 - (double) levenshtein(q, name) / max;
        Set<String> qt = tokens(q);
        Set<String> nt = tokens(name);
        int shared = 0;
        for (String a : qt) {
            for (String b : nt) {
                if (a.equals(b) || (a.length() >= 3 && b.length() >= 3 && (a.startsWith(b) || b.startsWith(a)))) {
                    shared++;
                    break;
                }
            }
        }
        double words = shared == 0 || qt.isEmpty() ? 0
                : 0.4 + 0.5 * shared / qt.size() + 0.1 * Math.min(1.0, (double) shared / nt.size());
        return Math.max(edit, words);
    }

    static String normalise(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
    }

    private static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        for (String t : text.split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Names the first character outside printable ASCII, to explain look-alike names (Cyrillic о for o). */
    static String nonAsciiNote(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return String.format(" (it contains the non-ASCII character U+%04X at position %d)", (int) c, i);
            }
        }
        return "";
    }
}
