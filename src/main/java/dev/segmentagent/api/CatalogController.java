package dev.segmentagent.api;

import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.catalog.FieldHit;
import dev.segmentagent.catalog.FieldProfile;
import dev.segmentagent.catalog.FieldSpec;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;

import java.util.List;
import java.util.Locale;

/**
 * Browse and search the catalog: what a segment can be built from, with what the data says about each
 * field. Read-only; the same service backs the agent's searchFields/describeField tools.
 */
@Controller("/api/catalog")
class CatalogController {

    private static final int MAX_LIMIT = 200;

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** Without q: all fields in catalog order. With q: fields ranked by relevance, each with its score. */
    @Get("/fields")
    FieldPage fields(@QueryValue @Nullable String q, @QueryValue @Nullable String group,
                     @QueryValue(defaultValue = "50") int limit, @QueryValue(defaultValue = "0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw ProblemException.badRequest("bad-paging", "limit must be 1.." + MAX_LIMIT + " and offset >= 0");
        }
        boolean searching = q != null && !q.isBlank();
        List<FieldHit> hits = searching ? catalog.search(q)
                : catalog.catalog().fields().stream().map(f -> new FieldHit(f, 0)).toList();
        if (group != null && !group.isBlank()) {
            String wanted = group.toLowerCase(Locale.ROOT);
            hits = hits.stream().filter(h -> h.field().group().equals(wanted)).toList();
        }
        List<FieldView> page = hits.stream().skip(offset).limit(limit)
                .map(h -> view(h.field(), searching ? h.score() : null)).toList();
        return new FieldPage(hits.size(), offset, limit, page);
    }

    @Get("/fields/{name}")
    FieldView field(@PathVariable String name) {
        return catalog.field(name).map(f -> view(f, null)).orElseThrow(() -> {
            List<String> closest = catalog.search(name.replace('_', ' '), 3).stream().map(h -> h.field().name()).toList();
            return new ProblemException(HttpStatus.NOT_FOUND, "unknown-field", Stage.REQUEST,
                    "no catalog field named '" + name + "'" + (closest.isEmpty() ? "" : "; did you mean " + String.join(", ", closest) + "?"),
                    closest, null);
        });
    }

    private FieldView view(FieldSpec field, Double score) {
        Deprecation deprecation = field.deprecated()
                ? new Deprecation(field.deprecatedUse(), "deprecated: use " + field.deprecatedUse() + " instead") : null;
        return new FieldView(field.name(), field.group(), field.type().name().toLowerCase(Locale.ROOT), field.unit(),
                field.description(), field.synonyms(), field.allowedValues(), field.pii(), field.piiConditionAllowed(),
                deprecation, field.lookAlikes(), field.min(), field.max(), catalog.profile(field.name()).orElse(null), score);
    }

    record FieldPage(int total, int offset, int limit, List<FieldView> items) {}

    record FieldView(String name, String group, String type, String unit, String description, List<String> synonyms,
                     List<String> allowedValues, boolean pii, boolean piiConditionAllowed, Deprecation deprecated,
                     List<String> lookAlikes, Double min, Double max, FieldProfile profile, Double score) {}

    record Deprecation(String use, String note) {}
}
