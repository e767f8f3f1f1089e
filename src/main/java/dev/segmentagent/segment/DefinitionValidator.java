package dev.segmentagent.segment;

import dev.segmentagent.catalog.ModelSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.segmentagent.segment.ValidationCode.*;

/**
 * Checks a parsed definition against the catalog, the field profiles and the saved segments, and returns
 * every issue at once (with JSON paths and suggestions) so one repair round can fix them all.
 * Stateless and thread-safe.
 */
public final class DefinitionValidator {

    public ValidationResult validate(SegmentDefinition definition, ValidationContext context) {
        List<ValidationIssue> issues = new ArrayList<>();
        if (definition == null || definition.condition() == null) {
            issues.add(ValidationIssue.of(EMPTY_DEFINITION, "$.condition",
                    "the definition has no condition, so it would select every customer; add at least one condition", List.of()));
        } else {
            new Walk(context, issues).condition(definition.condition(), "$.condition");
        }
        return new ValidationResult(issues);
    }

    /** One validation pass; dispatches each node to the checks for its kind. */
    private static final class Walk {

        private final ValidationContext context;
        private final List<ValidationIssue> issues;
        private final FieldChecks fields;
        private final EventChecks events;

        Walk(ValidationContext context, List<ValidationIssue> issues) {
            this.context = context;
            this.issues = issues;
            this.fields = new FieldChecks(context, issues);
            this.events = new EventChecks(context, issues);
        }

        void condition(Condition c, String path) {
            if (c == null) {
                add(EMPTY_GROUP, path, "a condition is missing here", List.of());
            } else if (c instanceof Condition.And and) {
                group("and", and.conditions(), path);
            } else if (c instanceof Condition.Or or) {
                group("or", or.conditions(), path);
            } else if (c instanceof Condition.Not not) {
                condition(not.condition(), path + ".condition");
            } else if (c instanceof Condition.Compare compare) {
                fields.compare(compare, path);
            } else if (c instanceof Condition.Between between) {
                fields.between(between, path);
            } else if (c instanceof Condition.In in) {
                fields.in(in, path);
            } else if (c instanceof Condition.IsNull isNull) {
                fields.isNull(isNull, path);
            } else if (c instanceof Condition.Event event) {
                events.event(event, path);
            } else if (c instanceof Condition.Score score) {
                score(score, path);
            } else if (c instanceof Condition.Cluster cluster) {
                cluster(cluster, path);
            } else if (c instanceof Condition.InSegment in) {
                inSegment(in, path);
            } else {
                throw new IllegalStateException("validator has no rule for " + c.getClass().getSimpleName());
            }
        }

        private void group(String kind, List<Condition> children, String path) {
            if (children.isEmpty()) {
                add(EMPTY_GROUP, path + ".conditions", "this " + kind + " group has no conditions; remove it or add some",
                        List.of());
                return;
            }
            for (int i = 0; i < children.size(); i++) {
                condition(children.get(i), path + ".conditions[" + i + "]");
            }
            contradictions(kind, children, path);
        }

        /** x or not x is always true; x and not x is always false (two-valued semantics make this exact). */
        private void contradictions(String kind, List<Condition> children, String path) {
            for (Condition child : children) {
                if (child instanceof Condition.Not not && children.contains(not.condition())) {
                    if (kind.equals("or")) {
                        add(ALWAYS_TRUE, path, "this or group contains a condition and its negation, so every customer matches",
                                List.of());
                    } else {
                        add(ALWAYS_FALSE, path, "this and group contains a condition and its negation, so no customer matches",
                                List.of());
                    }
                    return;
                }
            }
        }

        private void score(Condition.Score s, String path) {
            Optional<ModelSpec> model = model(s.model(), ModelSpec.Kind.SCORE, path);
            if (s.tier() != null) {
                if (s.op() != null || s.value() != null) {
                    add(SCORE_OUT_OF_RANGE, path, "a score condition tests a threshold or a tier, not both", List.of());
                }
                if (model.isPresent() && !model.get().tiers().contains(s.tier())) {
                    add(UNKNOWN_TIER, path + ".tier", "model " + model.get().name() + " has no tier '"
                            + SegmentJson.clip(s.tier()) + "'; its tiers are " + String.join(", ", model.get().tiers()),
                            FieldChecks.closestValues(s.tier(), model.get().tiers()));
                }
                return;
            }
            if (s.op() == null || s.value() == null || s.op() == ComparisonOp.CONTAINS) {
                add(SCORE_OUT_OF_RANGE, path, "a score condition needs op and value (e.g. >= 0.7) or a tier", List.of());
                return;
            }
            double min = model.map(ModelSpec::scoreMin).orElse(0.0);
            double max = model.map(ModelSpec::scoreMax).orElse(1.0);
            if (!(s.value() >= min && s.value() <= max)) {
                boolean probability = model.map(ModelSpec::probabilityScore).orElse(true);
                add(SCORE_OUT_OF_RANGE, path + ".value", probability
                        ? "scores are probabilities between 0 and 1; got " + s.value()
                        + (s.value() > 1 && s.value() <= 100 ? " (for " + s.value().intValue() + "% write " + s.value() / 100 + ")" : "")
                        : "scores of model " + model.get().name() + " lie between " + fmt(min) + " and " + fmt(max)
                        + "; got " + s.value(),
                        List.of());
            }
        }

        private void cluster(Condition.Cluster c, String path) {
            if (model(c.model(), ModelSpec.Kind.CLUSTER, path).isEmpty() || c.cluster() == null) {
                return;
            }
            context.clusters().of(c.model()).ifPresent(names -> {
                if (names.isEmpty()) {
                    add(ALWAYS_FALSE, path, "model " + c.model() + " has not been trained yet, so no customer is in any "
                            + "of its clusters; train it first (POST /api/models/" + c.model() + "/train)", List.of());
                } else if (!names.contains(c.cluster())) {
                    add(UNKNOWN_CLUSTER, path + ".cluster", "model " + c.model() + " has no cluster '"
                            + SegmentJson.clip(c.cluster()) + "'; its clusters are " + String.join(", ", names),
                            FieldChecks.closestValues(c.cluster(), names));
                }
            });
        }

        private Optional<ModelSpec> model(String name, ModelSpec.Kind kind, String path) {
            Optional<ModelSpec> model = name == null ? Optional.empty() : context.catalog().model(name);
            if (model.isEmpty()) {
                List<String> suggestions = NameSuggester.closest(String.valueOf(name), context.catalog().models().stream()
                        .filter(m -> m.kind() == kind)
                        .map(m -> new NameSuggester.Candidate(m.name(), m.synonyms())).toList(), 3);
                add(UNKNOWN_MODEL, path + ".model", "there is no " + (kind == ModelSpec.Kind.SCORE ? "score" : "clustering")
                        + " model '" + SegmentJson.clip(String.valueOf(name)) + "'; the closest are " + String.join(", ", suggestions), suggestions);
                return Optional.empty();
            }
            if (model.get().kind() != kind) {
                add(MODEL_KIND_MISMATCH, path + ".model", name + (kind == ModelSpec.Kind.SCORE
                        ? " is a clustering, not a score model; use a cluster condition"
                        : " is a score model, not a clustering; use a score condition"), List.of());
                return Optional.empty();
            }
            return model;
        }

        private void inSegment(Condition.InSegment in, String path) {
            String id = in.segment();
            if (id != null && id.equals(context.segmentId())) {
                add(SEGMENT_CYCLE, path + ".segment", "a segment cannot include itself", List.of());
                return;
            }
            if (id == null || context.segments().resolve(id).isEmpty()) {
                add(UNKNOWN_SEGMENT, path + ".segment", "there is no saved segment '" + SegmentJson.clip(String.valueOf(id)) + "'",
                        List.of());
                return;
            }
            SegmentCycles.from(id, context.segments(), context.segmentId()).ifPresent(cycle ->
                    add(SEGMENT_CYCLE, path + ".segment", "segments refer to each other in a cycle: "
                            + String.join(" uses ", cycle), List.of()));
        }

        private static String fmt(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }

        private void add(ValidationCode code, String path, String message, List<String> suggestions) {
            issues.add(ValidationIssue.of(code, path, message, suggestions));
        }
    }
}
