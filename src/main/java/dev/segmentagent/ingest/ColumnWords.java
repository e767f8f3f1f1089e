package dev.segmentagent.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Offline wording for a drafted field: the words of a column name (snake and camel case split) with common
 * abbreviations spelled out, so "LTV($)" is searchable as "lifetime value" and "cust_id" as "customer id".
 */
final class ColumnWords {

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("ltv", "lifetime value"), Map.entry("clv", "customer lifetime value"),
            Map.entry("aov", "average order value"), Map.entry("nps", "net promoter score"),
            Map.entry("mrr", "monthly recurring revenue"), Map.entry("arr", "annual recurring revenue"),
            Map.entry("cust", "customer"), Map.entry("qty", "quantity"), Map.entry("amt", "amount"),
            Map.entry("num", "number"), Map.entry("no", "number"), Map.entry("nr", "number"),
            Map.entry("dt", "date"), Map.entry("addr", "address"), Map.entry("pct", "percent"),
            Map.entry("perc", "percent"), Map.entry("avg", "average"), Map.entry("rev", "revenue"),
            Map.entry("acct", "account"), Map.entry("acc", "account"), Map.entry("dob", "date of birth"),
            Map.entry("tel", "telephone"), Map.entry("cnt", "count"), Map.entry("txn", "transaction"),
            Map.entry("trx", "transaction"), Map.entry("prod", "product"), Map.entry("cat", "category"),
            Map.entry("ts", "timestamp"), Map.entry("yr", "year"), Map.entry("yrs", "years"),
            Map.entry("mo", "month"), Map.entry("dept", "department"), Map.entry("loc", "location"),
            Map.entry("src", "source"), Map.entry("sub", "subscription"), Map.entry("subs", "subscriptions"),
            Map.entry("tot", "total"), Map.entry("desc", "description"), Map.entry("id", "id"));

    private ColumnWords() {
    }

    /** The identifier's words: cust_id -> [cust, id]. */
    static List<String> words(String identifier) {
        List<String> words = new ArrayList<>();
        for (String w : identifier.split("_+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** Words with abbreviations spelled out: [cust, id] -> "customer id". */
    static String expanded(String identifier) {
        List<String> out = new ArrayList<>();
        for (String w : words(identifier)) {
            out.add(ABBREVIATIONS.getOrDefault(w, w));
        }
        return String.join(" ", out);
    }

    /** Distinct phrases a user may say for the column: the source header, its plain words, the expansion. */
    static List<String> synonyms(String source, String identifier) {
        Set<String> out = new LinkedHashSet<>();
        String plain = String.join(" ", words(identifier));
        String expanded = expanded(identifier);
        String header = source.strip().toLowerCase(Locale.ROOT);
        if (!header.equals(identifier) && !header.equals(plain) && header.length() <= 80) {
            out.add(header);
        }
        if (!plain.equals(identifier)) {
            out.add(plain);
        }
        out.add(expanded);
        for (String w : words(identifier)) {
            String full = ABBREVIATIONS.get(w);
            if (full != null && !full.equals(w) && full.contains(" ")) {
                out.add(full);
            }
        }
        out.remove(identifier);
        return List.copyOf(out);
    }

    /** A unit when the name or header makes it obvious, else null. */
    static String unit(String source, String identifier, ColumnKind kind) {
        if (!kind.numeric()) {
            return null;
        }
        if (source.contains("$")) {
            return "USD";
        }
        if (source.contains("€")) {
            return "EUR";
        }
        if (source.contains("£")) {
            return "GBP";
        }
        List<String> w = words(identifier);
        String last = w.isEmpty() ? "" : w.get(w.size() - 1);
        if (w.contains("days") || last.equals("day")) {
            return "days";
        }
        if (w.contains("pct") || w.contains("percent") || w.contains("percentage")) {
            return "percent";
        }
        if (identifier.equals("age") || w.contains("years") || w.contains("yrs")) {
            return "years";
        }
        if (w.stream().anyMatch(x -> Set.of("amount", "amt", "price", "revenue", "rev", "ltv", "clv", "spend", "spent",
                "cost", "value", "mrr", "arr", "aov", "balance", "income", "salary", "paid", "total").contains(x))) {
            return "currency";
        }
        return null;
    }
}
