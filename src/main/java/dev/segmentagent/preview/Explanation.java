package dev.segmentagent.preview;

import dev.segmentagent.sqlgen.CustomerExplainer.CustomerExplanation;

import java.time.Instant;

/**
 * A definition in words and, when a customer was named, which of its conditions held for that customer with
 * the actual values.
 */
public record Explanation(String text, Instant asOf, CustomerExplanation customer) {
}
