package dev.segmentagent.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.Derivation;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.DefinitionValidator;
import dev.segmentagent.segment.ClusterNames;
import dev.segmentagent.segment.FieldProfile;
import dev.segmentagent.segment.ProfileLookup;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.SegmentResolver;
import dev.segmentagent.segment.ValidationContext;
import dev.segmentagent.segment.ValidationResult;
import dev.segmentagent.sqlgen.CompileContext;
import dev.segmentagent.sqlgen.SegmentCompiler;
import dev.segmentagent.sqlgen.SqlFragment;
import dev.segmentagent.warehouse.WarehouseFacts;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one path from definition JSON to runnable SQL that every channel (REST, UI, Slack, CLI, agent) uses:
 * parse strictly, validate against the catalog and its profiles, compile against an explicit as-of instant.
 * Each step fails with its own exception so the caller can report the stage.
 */
@Singleton
public class DefinitionPipeline {

    private final CatalogService catalogs;
    private final WarehouseFacts facts;
    private final SegmentResolver savedSegments;
    private final DefinitionValidator validator = new DefinitionValidator();
    private final SegmentCompiler compiler = new SegmentCompiler();

    DefinitionPipeline(CatalogService catalogs, WarehouseFacts facts, SegmentResolver savedSegments) {
        this.catalogs = catalogs;
        this.facts = facts;
        this.savedSegments = savedSegments;
    }

    /** Parses and validates; throws DefinitionFormatException or DefinitionRejectedException. */
    public PreparedDefinition prepare(JsonNode json, Instant asOf, String segmentId) {
        return prepare(SegmentJson.parse(json), asOf, segmentId);
    }

    public PreparedDefinition prepare(SegmentDefinition definition, Instant asOf, String segmentId) {
        Catalog catalog = catalogs.catalog();
        ValidationResult validation = validate(definition, segmentId);
        if (!validation.isValid()) {
            throw new DefinitionRejectedException(validation);
        }
        Instant at = asOf != null ? asOf : facts.asOf();
        CompileContext context = new CompileContext(catalog, at, savedSegments);
        return new PreparedDefinition(definition, validation, catalog, at, context,
                compiler.compile(definition, context));
    }

    /** Validation alone (all issues, errors and warnings), e.g. for the agent's repair loop. */
    public ValidationResult validate(SegmentDefinition definition, String segmentId) {
        return validator.validate(definition, new ValidationContext(catalogs.catalog(), profileLookup(),
                savedSegments, segmentId, clusterNames()));
    }

    /**
     * A clustering model's names, as the profile of the catalog field exposing them last saw them. Only a
     * complete profile counts (every distinct value listed): otherwise names are not checked rather than
     * rejected on a partial list.
     */
    public ClusterNames clusterNames() {
        Catalog catalog = catalogs.catalog();
        Map<String, dev.segmentagent.catalog.FieldProfile> profiles = catalogs.profiles();
        return model -> catalog.fields().stream()
                .filter(f -> f.derivation() instanceof Derivation.ModelOutput output && output.model().equals(model)
                        && output.output() == Derivation.ModelOutputKind.CLUSTER_NAME)
                .map(f -> profiles.get(f.name()))
                .filter(p -> p != null && p.topValues().size() == p.distinct())
                .findFirst()
                .map(p -> p.topValues().stream().map(dev.segmentagent.catalog.FieldProfile.ValueCount::value).toList());
    }

    /** The validator's numeric view of the catalog's current field profiles (for out-of-range warnings). */
    private ProfileLookup profileLookup() {
        Map<String, dev.segmentagent.catalog.FieldProfile> profiles = catalogs.profiles();
        return field -> Optional.ofNullable(profiles.get(field)).map(p -> new FieldProfile(
                number(p.min()), number(p.max()), p.distinct(), p.nullRate()));
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /** One condition of a prepared definition as a SQL predicate over {@code customer_features f}. */
    public SqlFragment predicate(Condition condition, PreparedDefinition prepared) {
        return compiler.compilePredicate(condition, prepared.compileContext());
    }
}
