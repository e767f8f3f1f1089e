package dev.segmentagent.interpret;

import dev.segmentagent.catalog.FieldSpec;

/**
 * The text a field is embedded as. Names are split into words because the model never saw
 * {@code days_since_last_order} as a token, but it knows "days since last order".
 */
final class FieldText {

    private FieldText() {
    }

    static String of(FieldSpec field) {
        StringBuilder text = new StringBuilder(field.name().replace('_', ' '));
        if (field.description() != null && !field.description().isBlank()) {
            text.append(". ").append(field.description().strip());
        }
        if (!field.synonyms().isEmpty()) {
            text.append(" Also called: ").append(String.join(", ", field.synonyms())).append('.');
        }
        if (field.unit() != null && !field.unit().isBlank()) {
            text.append(" Unit: ").append(field.unit()).append('.');
        }
        return text.toString();
    }
}
