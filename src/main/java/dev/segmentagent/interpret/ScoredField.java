package dev.segmentagent.interpret;

import dev.segmentagent.catalog.FieldSpec;

/**
 * A catalog field with a retrieval score (higher is better; the scale depends on the ranker). Deprecated fields
 * are kept in rankings on purpose: the agent must see that an old name exists and what replaces it.
 */
public record ScoredField(FieldSpec field, double score) {

    public String name() {
        return field.name();
    }

    public boolean deprecated() {
        return field.deprecated();
    }
}
