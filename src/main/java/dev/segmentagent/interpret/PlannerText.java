package dev.segmentagent.interpret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request normalised for matching (lower case, contractions spelled out, number words as digits), with the
 * parts that matchers have already understood blanked out. What is left at the end must be filler words:
 * anything else is a part of the request the planner did not understand, and the planner refuses rather than
 * silently dropping it.
 */
final class PlannerText {

    private static final Map<String, String> CONTRACTIONS = Map.ofEntries(
            Map.entry("haven't", "have not"), Map.entry("hasn't", "has not"), Map.entry("hadn't", "had not"),
            Map.entry("didn't", "did not"), Map.entry("don't", "do not"), Map.entry("doesn't", "does not"),
            Map.entry("isn't", "is not"), Map.entry("aren't", "are not"), Map.entry("weren't", "were not"),
            Map.entry("wasn't", "was not"), Map.entry("can't", "cannot"), Map.entry("won't", "will not"));
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("fifteen", "15"), Map.entry("twenty", "20"), Map.entry("thirty", "30"),
            Map.entry("forty", "40"), Map.entry("fifty", "50"), Map.entry("sixty", "60"), Map.entry("ninety", "90"),
            Map.entry("hundred", "100"));
    /** Words that carry no condition of their own. Negations are deliberately NOT here. */
    static final Set<String> FILLER = Set.of(
            "customers", "customer", "people", "users", "user", "shoppers", "clients", "persons", "everyone",
            "anyone", "those", "who", "that", "which", "whose", "with", "have", "has", "had", "having", "are", "is",
            "were", "was", "been", "be", "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for",
            "from", "by", "all", "show", "me", "find", "list", "get", "give", "segment", "audience", "them",
            "their", "they", "i", "we", "want", "need", "please", "also", "still", "yet", "ever", "our", "s", "do",
            "did", "does", "can", "could", "would", "like", "some", "any", "whom", "where", "plus", "as", "well",
            "both", "either", "there", "just", "only", "so", "far", "whos", "whove", "theyve", "it", "this",
            "these", "one", "ones", "time", "times", "out", "total", "overall", "currently", "now", "buyers",
            "shopper", "members", "member", "account", "accounts", "base", "group", "recently", "already",
            "every", "each");

    private final String original;
    private final char[] working;

    private PlannerText(String normalised) {
        this.original = normalised;
        this.working = normalised.toCharArray();
    }

    static PlannerText of(String request) {
        return new PlannerText(normalise(request));
    }

    static String normalise(String request) {
        String text = request.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        for (Map.Entry<String, String> c : CONTRACTIONS.entrySet()) {
            text = text.replace(c.getKey(), c.getValue());
        }
        text = text.replace("n't", " not");
        text = text.replaceAll("(\\d),(\\d{3})", "$1$2");                    // 1,000 -> 1000
        text = text.replace("€", " eur ").replace("e-mail", "email").replace("%", " percent ");
        text = text.replaceAll("(\\d)\\s*k\\b", "$1000");                        // 2k -> 2000
        text = text.replaceAll("(\\d)\\s*\\+", "$1 or more ");                   // 3+ -> 3 or more
        text = text.replaceAll("(\\d+)\\s*-\\s*(\\d+)", "$1 to $2");             // 25-34 -> 25 to 34
        text = text.replaceAll("[^a-z0-9.\\s]", " ");                           // punctuation, hyphens, '
        text = text.replaceAll("\\.(?!\\d)", " ");                               // sentence dots, not decimals
        StringBuilder out = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            out.append(out.isEmpty() ? "" : " ").append(NUMBER_WORDS.getOrDefault(word, word));
        }
        return out.toString().replace("1 time", "one time").replace(" once", " 1 times")
                .replace(" twice", " 2 times");
    }

    String original() {
        return original;
    }

    /** The text with understood parts blanked out as '#': match against this, then check {@link #free}. */
    String current() {
        return new String(working);
    }

    boolean free(int start, int end) {
        for (int i = start; i < end; i++) {
            if (working[i] == '#') {
                return false;
            }
        }
        return true;
    }

    void consume(int start, int end) {
        Arrays.fill(working, start, end, '#');
    }

    boolean contains(Pattern pattern) {
        return pattern.matcher(new String(working)).find();
    }

    /** The original words between two positions, e.g. the connector between two understood phrases. */
    String between(int start, int end) {
        return start >= end ? "" : original.substring(start, end);
    }

    /** Words not understood and not filler, in request order. */
    List<String> leftover() {
        List<String> words = new ArrayList<>();
        for (String word : new String(working).replace('#', ' ').trim().split("\\s+")) {
            if (!word.isBlank() && !FILLER.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

}
