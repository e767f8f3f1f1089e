package dev.segmentagent.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words for keyword search: lower-case, split on anything not a letter or digit (so snake_case names split
 * into words), light plural stemming (orders -> order, categories -> category), and window suffixes expanded
 * (30d -> 30, day) so "last 30 days" meets orders_30d.
 */
final class Tokens {

    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "in", "on", "for", "to", "who", "whose",
            "with", "and", "or", "is", "are", "by", "per", "their", "they", "that", "as", "at", "be", "it", "not",
            "customers", "customer", "people", "users", "me", "show", "find", "all");

    private Tokens() {
    }

    static List<String> of(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (raw.isEmpty() || STOP.contains(raw)) {
                continue;
            }
            if (raw.matches("\\d+d")) {
                tokens.add(raw.substring(0, raw.length() - 1));
                tokens.add("day");
                continue;
            }
            tokens.add(stem(raw));
        }
        return tokens;
    }

    static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
