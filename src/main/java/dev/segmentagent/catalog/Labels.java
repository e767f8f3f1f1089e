package dev.segmentagent.catalog;

import java.util.Locale;

/**
 * The fallback wording for catalog entries that carry no label: the first clause of the description, which
 * is usually a noun phrase ("Average order value - net revenue per …" → "average order value").
 */
final class Labels {

    private static final int MAX_WORDS = 10;

    private Labels() {
    }

    static String firstClause(String description, String name) {
        if (description == null || description.isBlank()) {
            return name.replace('_', ' ');
        }
        String text = description.trim();
        for (String stop : new String[] {" (", " - ", "; ", ". ", ", "}) {
            int at = text.indexOf(stop);
            if (at > 0) {
                text = text.substring(0, at);
            }
        }
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        String[] words = text.split("\\s+");
        if (words.length > MAX_WORDS) {
            // a description without an early break is a sentence, not a label: the name reads better
            return name.replace('_', ' ');
        }
        return lowerFirst(text);
    }

    static String words(String code) {
        return code.replace('_', ' ');
    }

    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && !Character.isUpperCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }
}
