package dev.segmentagent.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks a JSON Schema cannot express: names unique across files, every reference resolves, computed
 * fields form no cycle, look-alikes are mutual, types fit their derivations, and the examples name only
 * real things. Each problem points at the file and line of the offending item.
 */
final class CatalogSemantics {

    private final ParsedCatalog parsed;
    private final List<CatalogProblem> problems = new ArrayList<>();
    private final Map<String, Located<TableSpec>> tables;
    private final Map<String, Located<FieldSpec>> fields;
    private final Map<String, Located<EventSpec>> events;
    private final Map<String, Located<ModelSpec>> models;

    private CatalogSemantics(ParsedCatalog parsed) {
        this.parsed = parsed;
        this.tables = unique(parsed.tables, TableSpec::name, "table");
        this.fields = unique(parsed.fields, FieldSpec::name, "field");
        this.events = unique(parsed.events, EventSpec::name, "event");
        this.models = unique(parsed.models, ModelSpec::name, "model");
    }

    static List<CatalogProblem> check(ParsedCatalog parsed) {
        CatalogSemantics semantics = new CatalogSemantics(parsed);
        semantics.checkTables();
        parsed.fields.forEach(semantics::checkField);
        semantics.checkComputedCycles();
        parsed.events.forEach(semantics::checkEvent);
        parsed.examples.forEach(semantics::checkExample);
        return semantics.problems;
    }

    private <T> Map<String, Located<T>> unique(List<Located<T>> items, Function<T, String> name, String kind) {
        Map<String, Located<T>> byName = new LinkedHashMap<>();
        for (Located<T> item : items) {
            Located<T> first = byName.putIfAbsent(name.apply(item.value()), item);
            if (first != null) {
                problems.add(item.problem("name", "duplicate " + kind + " name '" + name.apply(item.value())
                        + "', first defined at " + first.source().displayName() + ":" + first.source().line(first.path())));
            }
        }
        return byName;
    }

    private void checkTables() {
        if (!tables.containsKey(FeatureSql.SPINE_TABLE)) {
            problems.add(new CatalogProblem("catalog", 0, "tables",
                    "the table '" + FeatureSql.SPINE_TABLE + "' (one row per customer) must be declared"));
        }
    }

    private void checkField(Located<FieldSpec> located) {
        FieldSpec field = located.value();
        if (field.min() != null && field.max() != null && field.min() > field.max()) {
            problems.add(located.problem("min", "min " + field.min() + " is greater than max " + field.max()));
        }
        if (field.deprecated()) {
            Located<FieldSpec> replacement = fields.get(field.deprecatedUse());
            if (replacement == null) {
                problems.add(located.problem("deprecated.use", "replacement field '" + field.deprecatedUse() + "' does not exist"));
            } else if (replacement.value().name().equals(field.name()) || replacement.value().deprecated()) {
                problems.add(located.problem("deprecated.use", "replacement '" + field.deprecatedUse()
                        + "' must be another field that is not itself deprecated"));
            }
        }
        for (int i = 0; i < field.lookAlikes().size(); i++) {
            String other = field.lookAlikes().get(i);
            Located<FieldSpec> lookAlike = fields.get(other);
            if (lookAlike == null) {
                problems.add(located.problem("lookAlikes[" + i + "]", "look-alike field '" + other + "' does not exist"));
            } else if (other.equals(field.name())) {
                problems.add(located.problem("lookAlikes[" + i + "]", "a field cannot be its own look-alike"));
            } else if (!lookAlike.value().lookAlikes().contains(field.name())) {
                // Mutual, so whichever of the two the retriever finds, the agent sees the other and the difference.
                problems.add(located.problem("lookAlikes[" + i + "]", "'" + other + "' does not list '" + field.name()
                        + "' back among its lookAlikes"));
            }
        }
        checkDerivation(located);
    }

    private void checkDerivation(Located<FieldSpec> located) {
        FieldSpec field = located.value();
        FieldType type = field.type();
        Derivation derivation = field.derivation();
        if (derivation instanceof Derivation.Column column) {
            if (!FeatureSql.SPINE_TABLE.equals(column.table())) {
                problems.add(located.problem("derivation.column.table", "column fields must come from the one-row-per-customer table '"
                        + FeatureSql.SPINE_TABLE + "'; use an aggregate for '" + column.table() + "'"));
            }
            if (column.transform() != Derivation.Transform.NONE && type != FieldType.INTEGER) {
                problems.add(located.problem("type", "transform " + column.transform().name().toLowerCase()
                        + " yields whole numbers, so the type must be integer"));
            }
        } else if (derivation instanceof Derivation.Aggregate aggregate) {
            checkAggregate(located, aggregate);
        } else if (derivation instanceof Derivation.Ratio ratio) {
            operand(located, "derivation.ratio.numerator", ratio.numerator());
            operand(located, "derivation.ratio.denominator", ratio.denominator());
            if (type != FieldType.DECIMAL) {
                problems.add(located.problem("type", "a ratio is a fraction, so the type must be decimal"));
            }
        } else if (derivation instanceof Derivation.Difference difference) {
            operand(located, "derivation.difference.minuend", difference.minuend());
            operand(located, "derivation.difference.subtrahend", difference.subtrahend());
            if (!type.isNumeric()) {
                problems.add(located.problem("type", "a difference is a number, so the type must be integer or decimal"));
            }
        } else if (derivation instanceof Derivation.ModelOutput output) {
            checkModelOutput(located, output);
        }
    }

    private void checkAggregate(Located<FieldSpec> located, Derivation.Aggregate aggregate) {
        String at = "derivation.aggregate";
        Located<TableSpec> table = tables.get(aggregate.table());
        if (table == null) {
            problems.add(located.problem(at + ".table", "table '" + aggregate.table() + "' is not declared in tables"));
        } else if (aggregate.windowDays() != null && !table.value().dated()) {
            problems.add(located.problem(at + ".windowDays", "table '" + aggregate.table()
                    + "' has no timeColumn, so it cannot be windowed"));
        }
        FieldType type = located.value().type();
        boolean fits = switch (aggregate.function()) {
            case COUNT, COUNT_DISTINCT, DAYS_SINCE_LAST, DAYS_SINCE_FIRST -> type == FieldType.INTEGER;
            case SUM -> type.isNumeric();
            case AVG -> type == FieldType.DECIMAL;
            case MIN, MAX -> true;
            case MODE -> type == FieldType.ENUM || type == FieldType.STRING || type == FieldType.INTEGER;
        };
        if (!fits) {
            problems.add(located.problem("type", "type " + type.name().toLowerCase() + " does not fit aggregate "
                    + aggregate.function().name().toLowerCase()));
        }
    }

    private void checkModelOutput(Located<FieldSpec> located, Derivation.ModelOutput output) {
        Located<ModelSpec> model = models.get(output.model());
        if (model == null) {
            problems.add(located.problem("derivation.modelOutput.model", "model '" + output.model() + "' is not declared in models"));
            return;
        }
        ModelSpec spec = model.value();
        boolean scoreOutput = output.output() == Derivation.ModelOutputKind.SCORE || output.output() == Derivation.ModelOutputKind.TIER;
        if (scoreOutput != (spec.kind() == ModelSpec.Kind.SCORE)) {
            problems.add(located.problem("derivation.modelOutput.output", "output " + output.output().name().toLowerCase()
                    + " does not exist for " + spec.kind().name().toLowerCase() + " model '" + spec.name() + "'"));
            return;
        }
        FieldType expected = switch (output.output()) {
            case SCORE -> FieldType.DECIMAL;
            case TIER -> FieldType.ENUM;
            case CLUSTER_ID -> FieldType.INTEGER;
            case CLUSTER_NAME -> FieldType.STRING;
        };
        FieldSpec field = located.value();
        if (field.type() != expected) {
            problems.add(located.problem("type", "model output " + output.output().name().toLowerCase() + " has type "
                    + expected.name().toLowerCase()));
        }
        if (output.output() == Derivation.ModelOutputKind.TIER && !spec.tiers().containsAll(field.allowedValues())) {
            problems.add(located.problem("allowedValues", "allowedValues must be tiers of model '" + spec.name() + "': " + spec.tiers()));
        }
    }

    private void operand(Located<FieldSpec> located, String at, String name) {
        Located<FieldSpec> operand = fields.get(name);
        if (operand == null) {
            problems.add(located.problem(at, "operand field '" + name + "' does not exist"));
        } else if (!operand.value().type().isNumeric()) {
            problems.add(located.problem(at, "operand field '" + name + "' is " + operand.value().type().name().toLowerCase()
                    + ", not a number"));
        }
    }

    /** Ratios and differences are computed from other fields; a cycle could never be computed. */
    private void checkComputedCycles() {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (Located<FieldSpec> field : fields.values()) {
            List<String> path = new ArrayList<>();
            if (cycleFrom(field.value().name(), state, path)) {
                problems.add(field.problem("derivation", "computed fields form a cycle: " + String.join(" -> ", path)));
                return; // one report per catalog is enough to find it; the rest would repeat it
            }
        }
    }

    private boolean cycleFrom(String name, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(name);
        path.add(name);
        if (seen != null) {
            return seen == 1;
        }
        state.put(name, 1);
        Located<FieldSpec> field = fields.get(name);
        for (String operand : field == null ? List.<String>of() : FeatureSql.operands(field.value().derivation())) {
            if (fields.containsKey(operand) && cycleFrom(operand, state, path)) {
                return true;
            }
        }
        state.put(name, 2);
        path.remove(path.size() - 1);
        return false;
    }

    private void checkEvent(Located<EventSpec> located) {
        EventSpec event = located.value();
        if (!tables.containsKey(event.table())) {
            problems.add(located.problem("table", "table '" + event.table() + "' is not declared in tables"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < event.properties().size(); i++) {
            if (!names.add(event.properties().get(i).name())) {
                problems.add(located.problem("properties[" + i + "].name", "duplicate property '" + event.properties().get(i).name() + "'"));
            }
        }
        names.clear();
        for (int i = 0; i < event.measures().size(); i++) {
            if (!names.add(event.measures().get(i).name())) {
                problems.add(located.problem("measures[" + i + "].name", "duplicate measure '" + event.measures().get(i).name() + "'"));
            }
        }
    }

    private void checkExample(Located<ExamplePair> located) {
        ExamplePair example = located.value();
        Set<String> used = new LinkedHashSet<>();
        checkCondition(located, "definition.condition", example.definition().path("condition"), used);
        for (int i = 0; i < example.fields().size(); i++) {
            String listed = example.fields().get(i);
            if (!fields.containsKey(listed)) {
                problems.add(located.problem("fields[" + i + "]", "field '" + listed + "' does not exist"));
            } else if (!used.contains(listed)) {
                problems.add(located.problem("fields[" + i + "]", "field '" + listed + "' is listed but the definition does not use it"));
            }
        }
        for (String name : used) {
            if (fields.containsKey(name) && !example.fields().contains(name)) {
                problems.add(located.problem("fields", "the definition uses '" + name + "' but fields does not list it"));
            }
        }
    }

    private void checkCondition(Located<ExamplePair> example, String at, JsonNode node, Set<String> used) {
        String type = node.path("type").asText();
        switch (type) {
            case "and", "or" -> {
                JsonNode children = node.path("conditions");
                for (int i = 0; i < children.size(); i++) {
                    checkCondition(example, at + ".conditions[" + i + "]", children.get(i), used);
                }
            }
            case "not" -> checkCondition(example, at + ".condition", node.path("condition"), used);
            case "compare", "between", "in", "isNull" -> checkFieldUse(example, at, node, used);
            case "event" -> checkEventUse(example, at, node);
            case "score", "cluster" -> checkModelUse(example, at, node, type);
            default -> { /* inSegment names a saved segment, which the catalog cannot know */ }
        }
    }

    private void checkFieldUse(Located<ExamplePair> example, String at, JsonNode node, Set<String> used) {
        String name = node.path("field").asText();
        used.add(name);
        Located<FieldSpec> located = fields.get(name);
        if (located == null) {
            problems.add(example.problem(at + ".field", "field '" + name + "' does not exist"));
            return;
        }
        FieldSpec field = located.value();
        if (field.deprecated()) {
            problems.add(example.problem(at + ".field", "field '" + name + "' is deprecated; examples must use '" + field.deprecatedUse() + "'"));
        }
        if (field.pii() && !field.piiConditionAllowed()) {
            problems.add(example.problem(at + ".field", "field '" + name + "' is personal data that conditions may not test"));
        }
        if (field.type() == FieldType.ENUM) {
            List<JsonNode> values = new ArrayList<>();
            node.path("values").forEach(values::add);
            if (node.has("value")) {
                values.add(node.get("value"));
            }
            for (JsonNode value : values) {
                if (!field.allowedValues().contains(value.asText())) {
                    problems.add(example.problem(at, "'" + value.asText() + "' is not an allowed value of '" + name
                            + "': " + field.allowedValues()));
                }
            }
        }
    }

    private void checkEventUse(Located<ExamplePair> example, String at, JsonNode node) {
        String name = node.path("event").asText();
        Located<EventSpec> located = events.get(name);
        if (located == null) {
            problems.add(example.problem(at + ".event", "event '" + name + "' does not exist"));
            return;
        }
        EventSpec event = located.value();
        JsonNode where = node.path("where");
        for (int i = 0; i < where.size(); i++) {
            String property = where.get(i).path("property").asText();
            if (event.properties().stream().noneMatch(p -> p.name().equals(property))) {
                problems.add(example.problem(at + ".where[" + i + "].property", "event '" + name + "' has no property '" + property + "'"));
            }
        }
        if (node.has("sum")) {
            String measure = node.path("sum").path("measure").asText();
            if (event.measures().stream().noneMatch(m -> m.name().equals(measure))) {
                problems.add(example.problem(at + ".sum.measure", "event '" + name + "' has no measure '" + measure + "'"));
            }
        }
    }

    private void checkModelUse(Located<ExamplePair> example, String at, JsonNode node, String type) {
        String name = node.path("model").asText();
        Located<ModelSpec> located = models.get(name);
        if (located == null) {
            problems.add(example.problem(at + ".model", "model '" + name + "' does not exist"));
            return;
        }
        ModelSpec model = located.value();
        ModelSpec.Kind expected = type.equals("score") ? ModelSpec.Kind.SCORE : ModelSpec.Kind.CLUSTER;
        if (model.kind() != expected) {
            problems.add(example.problem(at + ".model", "model '" + name + "' is a " + model.kind().name().toLowerCase()
                    + " model, not a " + expected.name().toLowerCase() + " model"));
        }
        if (node.has("tier") && !model.tiers().contains(node.get("tier").asText())) {
            problems.add(example.problem(at + ".tier", "model '" + name + "' has no tier '" + node.get("tier").asText()
                    + "'; tiers are " + model.tiers()));
        }
    }
}
