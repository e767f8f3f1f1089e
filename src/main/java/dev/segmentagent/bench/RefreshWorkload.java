package dev.segmentagent.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The saved segments a refresh bench keeps live: five typical shapes (a count threshold, a country and
 * revenue, a recency band, a recent cart add, no recent purchase) with varied thresholds, each paired with
 * the SQL a DuckDB expert would write by hand for the same predicate. The hand-written side is the practical
 * limit the compiled refresh is compared with; its constants are the bench's own, never user input.
 */
public final class RefreshWorkload {

    /** One segment: its definition (JSON condition) and the hand-written query selecting the same ids. */
    public record Pair(String name, String condition, String handSql) {}

    private static final String[] COUNTRIES = {"DE", "FR", "ES", "IT", "NL", "GB", "US", "PL", "SE", "AT"};

    private RefreshWorkload() {
    }

    public static List<Pair> pairs(int count, Instant asOf) {
        String to = ts(asOf);
        List<Pair> pairs = new ArrayList<>();
        for (int k = 0; pairs.size() < count; k++) {
            int v = k % 40;
            switch (k % 5) {
                case 0 -> pairs.add(new Pair("bench-orders-" + k,
                        "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": " + (v % 10 + 1) + "}",
                        "SELECT customer_id FROM customer_features WHERE orders_365d >= " + (v % 10 + 1)));
                case 1 -> {
                    String country = COUNTRIES[v % COUNTRIES.length];
                    pairs.add(new Pair("bench-country-revenue-" + k,
                            "{\"type\": \"and\", \"conditions\": [{\"type\": \"in\", \"field\": \"country\", \"values\": [\""
                                    + country + "\"]}, {\"type\": \"compare\", \"field\": \"revenue_365d\", \"op\": \">\", \"value\": "
                                    + (25 * v) + "}]}",
                            "SELECT customer_id FROM customer_features WHERE country = '" + country + "' AND revenue_365d > "
                                    + (25 * v)));
                }
                case 2 -> pairs.add(new Pair("bench-recency-" + k,
                        "{\"type\": \"between\", \"field\": \"days_since_last_order\", \"low\": " + (5 * v) + ", \"high\": "
                                + (5 * v + 60) + "}",
                        "SELECT customer_id FROM customer_features WHERE days_since_last_order BETWEEN " + (5 * v) + " AND "
                                + (5 * v + 60)));
                case 3 -> {
                    int days = 1 + v;
                    pairs.add(new Pair("bench-cart-" + k,
                            "{\"type\": \"event\", \"event\": \"add_to_cart\", \"window\": {\"lastDays\": " + days + "}}",
                            "SELECT DISTINCT customer_id FROM web_events WHERE event_type = 'add_to_cart' AND occurred_at >= TIMESTAMP '"
                                    + ts(asOf.minus(Duration.ofDays(days))) + "' AND occurred_at < TIMESTAMP '" + to + "'"
                                    + " AND customer_id IN (SELECT customer_id FROM customer_features)"));
                }
                default -> {
                    int days = 30 + 5 * v;
                    pairs.add(new Pair("bench-no-purchase-" + k,
                            "{\"type\": \"not\", \"condition\": {\"type\": \"event\", \"event\": \"purchase\", \"window\": {\"lastDays\": "
                                    + days + "}, \"count\": {\"op\": \">=\", \"value\": 1}}}",
                            "SELECT customer_id FROM customer_features WHERE customer_id NOT IN (SELECT customer_id FROM orders"
                                    + " WHERE status = 'completed' AND ordered_at >= TIMESTAMP '" + ts(asOf.minus(Duration.ofDays(days)))
                                    + "' AND ordered_at < TIMESTAMP '" + to + "')"));
                }
            }
        }
        return pairs;
    }

    private static String ts(Instant instant) {
        return instant.toString().replace("T", " ").replace("Z", "");
    }
}
