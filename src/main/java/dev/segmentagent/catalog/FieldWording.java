package dev.segmentagent.catalog;

import java.util.Map;

/**
 * How a field reads in an explanation, as reviewed catalog text rather than guessed from the description
 * (descriptions are written for the LLM and are too long and too hedged to read back to a marketer).
 *
 * @param label        a short noun phrase: "completed orders in the last 90 days", "churn risk"
 * @param countVerb    for a count field, the verb that takes the label as object: "placed" (→ "who placed at
 *                     least 3 completed orders in the last 90 days"); null reads "with at least 3 …"
 * @param whenTrue     for a boolean field, the predicate when it is true: "agreed to marketing email"
 * @param whenFalse    for a boolean field, the predicate when it is false: "did not agree to marketing email"
 * @param valueLabels  readable names for cryptic enum codes ("cant_lose" → "can't lose")
 */
public record FieldWording(String label, String countVerb, String whenTrue, String whenFalse,
                           Map<String, String> valueLabels) {

    public static final FieldWording NONE = new FieldWording(null, null, null, null, Map.of());

    public FieldWording {
        valueLabels = valueLabels == null ? Map.of() : Map.copyOf(valueLabels);
    }
}
