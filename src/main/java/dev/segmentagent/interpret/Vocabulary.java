package dev.segmentagent.interpret;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.FieldSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Words for the catalog's values, read from the catalog itself: product categories (the allowed values of the
 * purchased_item event, with the synonyms of the matching units_&lt;category&gt;_365d fields, e.g.
 * "footwear" -> shoes) and any enum's values. Kept apart so the matchers stay free of catalog plumbing.
 */
final class Vocabulary {

    private final Map<String, String> categories = new LinkedHashMap<>();

    Vocabulary(Catalog catalog) {
        List<String> allowed = catalog.event("purchased_item").flatMap(e -> e.properties().stream()
                .filter(p -> p.name().equals("category")).findFirst()).map(EventSpec.EventProperty::allowedValues)
                .orElse(List.of());
        for (String category : allowed) {
            categories.put(category, category);
            categories.put(category.endsWith("s") ? category.substring(0, category.length() - 1) : category + "s",
                    category);
            catalog.field("units_" + category + "_365d").map(FieldSpec::synonyms).orElse(List.of()).stream()
                    .map(s -> s.toLowerCase(Locale.ROOT).replace("'", ""))
                    .filter(s -> !s.contains("buyers") && !s.contains("bought") && !s.contains("units"))
                    .forEach(s -> categories.putIfAbsent(s, category));
        }
        categories.putIfAbsent("jewellery", "jewelry");
        categories.putIfAbsent("clothes", "apparel");
    }

    /** An alternation of every category word, longest first so "kids" wins over "kid". */
    String categoryRegex() {
        return alternation(new ArrayList<>(categories.keySet()));
    }

    /** A list of categories: "shoes", "shoes or apparel", "shoes, apparel or books". */
    String categoryListRegex() {
        String one = categoryRegex();
        return "(?:" + one + ")(?:\\s*(?:,|or)?\\s+(?:" + one + "))*";
    }

    /** The categories named in a phrase matched by {@link #categoryListRegex()}, in order, once each. */
    List<String> categoriesIn(String phrase) {
        return valuesIn(phrase, categories);
    }

    /** The values of every word of the map found in the phrase, in order, once each (longest words first). */
    static List<String> valuesIn(String phrase, Map<String, String> words) {
        List<String> found = new ArrayList<>();
        java.util.regex.Matcher m = Pattern.compile("\\b(?:" + alternation(new ArrayList<>(words.keySet())) + ")\\b")
                .matcher(phrase);
        while (m.find()) {
            String value = words.get(m.group());
            if (value != null && !found.contains(value)) {
                found.add(value);
            }
        }
        return found;
    }

    static String alternation(List<String> words) {
        return String.join("|", words.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).toList());
    }
}
