package dev.segmentagent.interpret.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.catalog.FieldProfile;
import dev.segmentagent.catalog.FieldSpec;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the model is told about a field: the catalog's description, type, unit, look-alikes and deprecation
 * note, plus aggregate profile figures (share of nulls, distinct values, range). Never a customer's row and
 * never a value of personal data: personal fields show no range and no values, and personal fields that a
 * condition may not test are not shown at all (the model could not use them).
 */
@Singleton
class FieldCards {

    /** A field as the model sees it; empty parts are left out of the JSON to save tokens. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record FieldCard(String field, String type, String unit, String description, List<String> values,
                     String deprecatedUseInstead, List<String> lookAlikes, Stats profile) {}

    /** Aggregates over all customers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stats(Double nullShare, Long distinct, Object min, Object max) {}

    private final CatalogService catalogs;

    FieldCards(CatalogService catalogs) {
        this.catalogs = catalogs;
    }

    /** Whether the model may see this field at all. */
    static boolean visible(FieldSpec field) {
        return !field.pii() || field.piiConditionAllowed();
    }

    Optional<FieldCard> card(String name) {
        return catalogs.field(name).filter(FieldCards::visible).map(this::card);
    }

    FieldCard card(FieldSpec field) {
        Stats stats = catalogs.profile(field.name()).map(p -> stats(field, p)).orElse(null);
        return new FieldCard(field.name(), field.type().name().toLowerCase(Locale.ROOT), field.unit(),
                field.description(), field.allowedValues(), field.deprecatedUse(), field.lookAlikes(), stats);
    }

    private static Stats stats(FieldSpec field, FieldProfile profile) {
        double nullShare = Math.round(profile.nullRate() * 1000) / 1000.0;
        if (field.pii()) {
            return new Stats(nullShare, null, null, null);
        }
        return new Stats(nullShare, profile.distinct(), profile.min(), profile.max());
    }
}
