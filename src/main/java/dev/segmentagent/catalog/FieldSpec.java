package dev.segmentagent.catalog;

import java.util.List;

/**
 * One described field of the schema catalog: what a segment condition may name.
 *
 * @param name                  snake_case identifier, also the column name in customer_features
 * @param group                 a topic such as monetary, engagement, demographics (for browsing)
 * @param unit                  e.g. EUR, days, ratio; null when unitless
 * @param allowedValues         the domain of an ENUM field, empty otherwise
 * @param pii                   personal data: never shown to the LLM, hidden from member views by role
 * @param piiConditionAllowed   whether a segment condition may test this PII field (e.g. country yes, email no)
 * @param deprecatedUse         when set, the field is deprecated and this names its replacement
 * @param lookAlikes            names of fields easily confused with this one (the description says how they differ)
 * @param min / max             declared bounds of a numeric field, null when open
 * @param wording               how the field reads in explanations (label, count verb, boolean predicates)
 */
public record FieldSpec(
        String name,
        String group,
        FieldType type,
        String unit,
        String description,
        List<String> synonyms,
        List<String> allowedValues,
        boolean pii,
        boolean piiConditionAllowed,
        String deprecatedUse,
        List<String> lookAlikes,
        Double min,
        Double max,
        Derivation derivation,
        FieldWording wording) {

    public FieldSpec {
        wording = wording == null ? FieldWording.NONE : wording;
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        lookAlikes = lookAlikes == null ? List.of() : List.copyOf(lookAlikes);
    }

    /** The constructor from before wordings existed: the field reads by its description's first clause. */
    public FieldSpec(String name, String group, FieldType type, String unit, String description, List<String> synonyms,
                     List<String> allowedValues, boolean pii, boolean piiConditionAllowed, String deprecatedUse,
                     List<String> lookAlikes, Double min, Double max, Derivation derivation) {
        this(name, group, type, unit, description, synonyms, allowedValues, pii, piiConditionAllowed, deprecatedUse,
                lookAlikes, min, max, derivation, FieldWording.NONE);
    }

    /** A short noun phrase naming the field in sentences; the catalog's label, else the description's first clause. */
    public String label() {
        return wording.label() != null ? wording.label() : Labels.firstClause(description, name);
    }

    /** How an enum code reads: the catalog's value label, else the code with spaces for underscores. */
    public String valueLabel(String code) {
        return wording.valueLabels().getOrDefault(code, Labels.words(code));
    }

    public boolean deprecated() {
        return deprecatedUse != null && !deprecatedUse.isBlank();
    }
}
