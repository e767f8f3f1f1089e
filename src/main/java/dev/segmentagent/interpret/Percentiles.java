package dev.segmentagent.interpret;

/** A value of a numeric field at a quantile of the customer base (e.g. the 80th percentile of revenue). */
@FunctionalInterface
interface Percentiles {

    /** The smallest actual value at or above the quantile q (0..1), over customers with a value; null if none. */
    Double at(String field, double q);
}
