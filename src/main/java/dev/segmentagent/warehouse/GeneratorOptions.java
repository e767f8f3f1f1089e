package dev.segmentagent.warehouse;

import java.time.Instant;
import java.util.Objects;

/**
 * What the demo data generator builds. The same options always give the same tables.
 *
 * @param seed        root of every random choice
 * @param customers   number of customers (ids 1..customers)
 * @param asOf        the "now" of the data: every timestamp lies strictly before it
 * @param historyDays how far back the earliest signup may lie
 */
public record GeneratorOptions(long seed, int customers, Instant asOf, int historyDays) {

    public static final int DEFAULT_CUSTOMERS = 50_000;
    public static final Instant DEFAULT_AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    public static final int DEFAULT_HISTORY_DAYS = 730;

    /** Below this the personas that need a long past (decline before churn, quarterly bursts) cannot be planted. */
    static final int MIN_HISTORY_DAYS = 400;

    public GeneratorOptions {
        Objects.requireNonNull(asOf, "asOf");
        if (customers < 0) {
            throw new IllegalArgumentException("customers must be >= 0, was " + customers);
        }
        if (historyDays < MIN_HISTORY_DAYS) {
            throw new IllegalArgumentException("historyDays must be >= " + MIN_HISTORY_DAYS + ", was " + historyDays);
        }
    }

    public static GeneratorOptions defaults(long seed) {
        return new GeneratorOptions(seed, DEFAULT_CUSTOMERS, DEFAULT_AS_OF, DEFAULT_HISTORY_DAYS);
    }

    public GeneratorOptions withCustomers(int count) {
        return new GeneratorOptions(seed, count, asOf, historyDays);
    }
}
