package dev.segmentagent.catalog;

import java.util.List;

/**
 * How a per-customer field is computed, declared in the catalog without SQL. The feature builder turns these
 * into one {@code customer_features} table (one row per customer); nothing else writes derivation SQL.
 */
public sealed interface Derivation {

    /** A column of a one-row-per-customer table (customers). {@code transform} is optional, e.g. age_years. */
    record Column(String table, String column, Transform transform) implements Derivation {}

    /**
     * An aggregate over a many-rows-per-customer table, optionally filtered and limited to a window of the
     * last {@code windowDays} days before the data's as-of instant. Customers with no rows get the
     * function's empty value (0 for count/sum, null otherwise).
     */
    record Aggregate(String table, AggregateFunction function, String column, List<RowFilter> filters,
                     Integer windowDays) implements Derivation {}

    /** numerator / denominator of two other fields; null when the denominator is 0 or null. */
    record Ratio(String numerator, String denominator) implements Derivation {}

    /** minuend - subtrahend of two other fields. */
    record Difference(String minuend, String subtrahend) implements Derivation {}

    /** A model output from model_scores / cluster_assignments (written by the features package). */
    record ModelOutput(String model, ModelOutputKind output) implements Derivation {}

    enum Transform { NONE, AGE_YEARS, DAYS_SINCE }

    enum AggregateFunction {
        COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX,
        /** whole days between the latest timestamp and as-of */
        DAYS_SINCE_LAST,
        /** whole days between the earliest timestamp and as-of */
        DAYS_SINCE_FIRST,
        /** the most frequent value (ties broken by value, so results are deterministic) */
        MODE
    }

    enum ModelOutputKind { SCORE, TIER, CLUSTER_ID, CLUSTER_NAME }

    /** A row filter inside an aggregate: column op value(s). {@code WEEKEND}/{@code WEEKDAY} test a timestamp. */
    record RowFilter(String column, FilterOp op, List<String> values) {}

    enum FilterOp { EQ, NE, IN, NOT_IN, GT, GTE, LT, LTE, IS_NULL, IS_NOT_NULL, WEEKEND, WEEKDAY }
}
