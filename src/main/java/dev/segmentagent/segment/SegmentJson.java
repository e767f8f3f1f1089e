package dev.segmentagent.segment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.segmentagent.segment.DefinitionFormatException.Code.*;

/**
 * The strict reader and canonical writer of the definition format (the JSON an LLM or a user produces).
 *
 * <p>Strict on purpose: an unknown node type, an unknown property or a wrong JSON type is an error with the
 * JSON path, never ignored, because a silently dropped filter changes who is in a segment. Limits (all
 * documented in {@code segment/definition.schema.json}) keep hostile or runaway input cheap to reject:
 * {@value #MAX_INPUT_BYTES} bytes, {@value #MAX_DEPTH} condition levels, {@value #MAX_NODES} condition nodes,
 * {@value #MAX_STRING_LENGTH} characters per string, {@value #MAX_IN_VALUES} values per list, numbers within
 * ±1e15 with at most {@value #MAX_DECIMALS} decimals.
 *
 * <p>Thread-safe and stateless.
 */
public final class SegmentJson {

    public static final int MAX_INPUT_BYTES = 64 * 1024;
    public static final int MAX_DEPTH = 12;
    public static final int MAX_NODES = 200;
    public static final int MAX_STRING_LENGTH = 500;
    public static final int MAX_IN_VALUES = 1000;
    public static final int MAX_DECIMALS = 12;
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e15");

    /** The condition node types, in the order error messages list them. */
    public static final List<String> NODE_TYPES = List.of(
            "and", "or", "not", "compare", "between", "in", "isNull", "event", "score", "cluster", "inSegment");

    private static final List<String> THRESHOLD_OPS = List.of("=", "!=", ">", ">=", "<", "<=");
    private static final List<String> FILTER_OPS = List.of("=", "!=", ">", ">=", "<", "<=", "in", "notIn");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    static {
        // JSON nesting is bounded before the tree exists, so a 100k-deep array cannot exhaust the stack.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(4 * MAX_DEPTH + 16)
                .maxNumberLength(64)
                .build());
    }

    private SegmentJson() {}

    /** Parses JSON text; see the class comment for what is rejected. */
    public static SegmentDefinition parse(String json) {
        if (json == null) {
            throw new DefinitionFormatException(MALFORMED_JSON, "$", "no input");
        }
        // chars ≤ bytes in UTF-8, so the cheap check first avoids encoding a huge string
        if (json.length() > MAX_INPUT_BYTES || json.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            throw new DefinitionFormatException(INPUT_TOO_LARGE, "$",
                    "the definition is larger than " + MAX_INPUT_BYTES + " bytes");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new DefinitionFormatException(TOO_DEEP, "$",
                    "the JSON nests or its numbers run beyond the definition limits (" + e.getOriginalMessage() + ")");
        } catch (JsonProcessingException e) {
            throw new DefinitionFormatException(MALFORMED_JSON, "$", "not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new DefinitionFormatException(MALFORMED_JSON, "$", "no input");
        }
        return parse(tree);
    }

    /** Parses an already-parsed JSON tree (e.g. an LLM tool argument). */
    public static SegmentDefinition parse(JsonNode json) {
        return new Reader().definition(json);
    }

    /** Parses one condition node (e.g. from a funnel step), with the same rules and limits. */
    public static Condition parseCondition(JsonNode json) {
        return new Reader().condition(json, "$", 1);
    }

    /** Canonical JSON text: fixed property order, defaults written out, numbers plain, no insignificant space. */
    public static String toJson(SegmentDefinition definition) {
        try {
            return MAPPER.writeValueAsString(toTree(definition));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** Canonical JSON tree of a definition. */
    public static ObjectNode toTree(SegmentDefinition definition) {
        return Writer.definition(definition);
    }

    /** Canonical JSON tree of one condition. */
    public static ObjectNode toTree(Condition condition) {
        return Writer.condition(condition);
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** One parse: counts nodes across the whole definition. */
    private static final class Reader {

        private int nodes;

        SegmentDefinition definition(JsonNode node) {
            String path = "$";
            object(node, path, "a segment definition");
            allowOnly(node, path, "a segment definition", "name", "description", "condition");
            // A draft (preview, agent output) may be unnamed; saving gives it the segment's name.
            String name = node.has("name") ? string(node.get("name"), path + ".name", true) : null;
            if (name != null && name.isBlank()) {
                throw new DefinitionFormatException(INVALID_VALUE, path + ".name", "the name must not be blank");
            }
            String description = node.has("description") ? string(node.get("description"), path + ".description", true) : null;
            Condition condition = node.has("condition") ? condition(node.get("condition"), path + ".condition", 1) : null;
            return new SegmentDefinition(name, description, condition);
        }

        Condition condition(JsonNode node, String path, int depth) {
            if (depth > MAX_DEPTH) {
                throw new DefinitionFormatException(TOO_DEEP, path,
                        "conditions nest deeper than " + MAX_DEPTH + " levels; flatten nested and/or groups");
            }
            if (++nodes > MAX_NODES) {
                throw new DefinitionFormatException(TOO_MANY_NODES, path,
                        "the definition has more than " + MAX_NODES + " condition nodes");
            }
            object(node, path, "a condition");
            JsonNode typeNode = node.get("type");
            if (typeNode == null) {
                throw new DefinitionFormatException(MISSING_PROPERTY, path + ".type",
                        "a condition needs a \"type\"; expected one of " + String.join(", ", NODE_TYPES));
            }
            if (!typeNode.isTextual()) {
                throw new DefinitionFormatException(WRONG_JSON_TYPE, path + ".type",
                        "\"type\" must be a string, got " + jsonType(typeNode) + "; expected one of " + String.join(", ", NODE_TYPES));
            }
            String type = typeNode.textValue();
            switch (type) {
                case "and":
                case "or": {
                    allowOnly(node, path, type, "type", "conditions");
                    ArrayNode items = array(required(node, "conditions", path), path + ".conditions");
                    List<Condition> children = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        children.add(condition(items.get(i), path + ".conditions[" + i + "]", depth + 1));
                    }
                    return type.equals("and") ? new Condition.And(children) : new Condition.Or(children);
                }
                case "not":
                    allowOnly(node, path, type, "type", "condition");
                    return new Condition.Not(condition(required(node, "condition", path), path + ".condition", depth + 1));
                case "compare":
                    allowOnly(node, path, type, "type", "field", "op", "value");
                    return new Condition.Compare(requiredString(node, "field", path),
                            comparisonOp(required(node, "op", path), path + ".op", false),
                            scalar(required(node, "value", path), path + ".value"));
                case "between":
                    allowOnly(node, path, type, "type", "field", "low", "high");
                    return new Condition.Between(requiredString(node, "field", path),
                            scalar(required(node, "low", path), path + ".low"),
                            scalar(required(node, "high", path), path + ".high"));
                case "in":
                    allowOnly(node, path, type, "type", "field", "values");
                    return new Condition.In(requiredString(node, "field", path),
                            scalars(required(node, "values", path), path + ".values"));
                case "isNull":
                    allowOnly(node, path, type, "type", "field");
                    return new Condition.IsNull(requiredString(node, "field", path));
                case "event":
                    return event(node, path);
                case "score":
                    return score(node, path);
                case "cluster":
                    allowOnly(node, path, type, "type", "model", "cluster");
                    return new Condition.Cluster(requiredString(node, "model", path), requiredString(node, "cluster", path));
                case "inSegment":
                    allowOnly(node, path, type, "type", "segment");
                    return new Condition.InSegment(requiredString(node, "segment", path));
                default:
                    throw new DefinitionFormatException(UNKNOWN_NODE_TYPE, path + ".type",
                            "unknown node type '" + clip(type) + "'; expected one of " + String.join(", ", NODE_TYPES));
            }
        }

        private Condition event(JsonNode node, String path) {
            allowOnly(node, path, "event", "type", "event", "did", "where", "window", "count", "sum");
            String event = requiredString(node, "event", path);
            Boolean did = null;
            if (node.has("did")) {
                JsonNode d = node.get("did");
                if (!d.isBoolean()) {
                    throw wrongType(path + ".did", "a boolean", d);
                }
                did = d.booleanValue();
            }
            List<PropertyFilter> where = new ArrayList<>();
            if (node.has("where")) {
                ArrayNode items = array(node.get("where"), path + ".where");
                for (int i = 0; i < items.size(); i++) {
                    where.add(filter(items.get(i), path + ".where[" + i + "]"));
                }
            }
            TimeWindow window = node.has("window") ? window(node.get("window"), path + ".window") : null;
            CountThreshold count = null;
            if (node.has("count")) {
                String p = path + ".count";
                JsonNode c = object(node.get("count"), p, "a count threshold");
                allowOnly(c, p, "count threshold", "op", "value");
                ComparisonOp op = comparisonOp(required(c, "op", p), p + ".op", true);
                count = new CountThreshold(op, integer(required(c, "value", p), p + ".value"));
            }
            SumThreshold sum = null;
            if (node.has("sum")) {
                String p = path + ".sum";
                JsonNode s = object(node.get("sum"), p, "a sum threshold");
                allowOnly(s, p, "sum threshold", "measure", "op", "value");
                String measure = requiredString(s, "measure", p);
                ComparisonOp op = comparisonOp(required(s, "op", p), p + ".op", true);
                sum = new SumThreshold(measure, op, number(required(s, "value", p), p + ".value").doubleValue());
            }
            return new Condition.Event(event, did, where, window, count, sum);
        }

        private PropertyFilter filter(JsonNode node, String path) {
            object(node, path, "a property filter");
            allowOnly(node, path, "property filter", "property", "op", "value", "values");
            String property = requiredString(node, "property", path);
            JsonNode opNode = required(node, "op", path);
            String symbol = string(opNode, path + ".op", false);
            int index = FILTER_OPS.indexOf(symbol);
            if (index < 0) {
                throw new DefinitionFormatException(INVALID_VALUE, path + ".op",
                        "unknown filter operator '" + clip(symbol) + "'; expected one of " + String.join(", ", FILTER_OPS));
            }
            PropertyFilter.FilterOp op = PropertyFilter.FilterOp.values()[index];
            boolean list = op == PropertyFilter.FilterOp.IN || op == PropertyFilter.FilterOp.NOT_IN;
            if (list) {
                if (node.has("value")) {
                    throw new DefinitionFormatException(UNKNOWN_PROPERTY, path + ".value",
                            "operator '" + symbol + "' takes \"values\" (a list), not \"value\"");
                }
                return new PropertyFilter(property, op, null, scalars(required(node, "values", path), path + ".values"));
            }
            if (node.has("values")) {
                throw new DefinitionFormatException(UNKNOWN_PROPERTY, path + ".values",
                        "operator '" + symbol + "' takes \"value\" (one scalar), not \"values\"; use in/notIn for a list");
            }
            return new PropertyFilter(property, op, scalar(required(node, "value", path), path + ".value"), List.of());
        }

        private TimeWindow window(JsonNode node, String path) {
            object(node, path, "a time window");
            allowOnly(node, path, "window", "lastDays", "from", "to");
            if (node.has("lastDays")) {
                if (node.has("from") || node.has("to")) {
                    throw new DefinitionFormatException(INVALID_VALUE, path,
                            "a window is either relative (lastDays) or absolute (from/to), not both");
                }
                long days = integer(node.get("lastDays"), path + ".lastDays");
                if (days > Integer.MAX_VALUE || days < Integer.MIN_VALUE) {
                    throw new DefinitionFormatException(NUMBER_OUT_OF_RANGE, path + ".lastDays", "lastDays is out of range");
                }
                return new TimeWindow((int) days, null, null);
            }
            if (!node.has("from") && !node.has("to")) {
                throw new DefinitionFormatException(MISSING_PROPERTY, path,
                        "a window needs lastDays, or from and/or to (ISO dates)");
            }
            LocalDate from = node.has("from") ? date(node.get("from"), path + ".from") : null;
            LocalDate to = node.has("to") ? date(node.get("to"), path + ".to") : null;
            return new TimeWindow(null, from, to);
        }

        private Condition score(JsonNode node, String path) {
            allowOnly(node, path, "score", "type", "model", "op", "value", "tier");
            String model = requiredString(node, "model", path);
            boolean threshold = node.has("op") || node.has("value");
            if (threshold && node.has("tier")) {
                throw new DefinitionFormatException(INVALID_VALUE, path,
                        "a score condition tests either a threshold (op, value) or a tier, not both");
            }
            if (node.has("tier")) {
                return new Condition.Score(model, null, null, requiredString(node, "tier", path));
            }
            if (!threshold) {
                throw new DefinitionFormatException(MISSING_PROPERTY, path,
                        "a score condition needs op and value (e.g. >= 0.7) or a tier");
            }
            ComparisonOp op = comparisonOp(required(node, "op", path), path + ".op", true);
            double value = number(required(node, "value", path), path + ".value").doubleValue();
            return new Condition.Score(model, op, value, null);
        }

        // ------------------------------------------------------------------------------------ primitives

        private static JsonNode object(JsonNode node, String path, String what) {
            if (node == null || !node.isObject()) {
                throw wrongType(path, what + " (a JSON object)", node);
            }
            return node;
        }

        private static ArrayNode array(JsonNode node, String path) {
            if (!node.isArray()) {
                throw wrongType(path, "a JSON array", node);
            }
            return (ArrayNode) node;
        }

        private static JsonNode required(JsonNode node, String property, String path) {
            JsonNode value = node.get(property);
            if (value == null) {
                throw new DefinitionFormatException(MISSING_PROPERTY, path + "." + property,
                        "missing required property \"" + property + "\"");
            }
            return value;
        }

        private static void allowOnly(JsonNode node, String path, String what, String... allowed) {
            Set<String> known = Set.of(allowed);
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw new DefinitionFormatException(UNKNOWN_PROPERTY, path + "." + clip(name),
                            "unknown property '" + clip(name) + "' on " + article(what) + "; allowed: "
                                    + String.join(", ", new LinkedHashSet<>(List.of(allowed))));
                }
            }
        }

        private static String requiredString(JsonNode node, String property, String path) {
            return string(required(node, property, path), path + "." + property, false);
        }

        private static String string(JsonNode node, String path, boolean freeText) {
            if (!node.isTextual()) {
                throw wrongType(path, "a string", node);
            }
            String value = node.textValue();
            if (value.length() > MAX_STRING_LENGTH) {
                throw new DefinitionFormatException(STRING_TOO_LONG, path,
                        "strings are limited to " + MAX_STRING_LENGTH + " characters; this one has " + value.length());
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean control = c < 0x20 || c == 0x7f;
                boolean allowedWhitespace = freeText && (c == '\t' || c == '\n' || c == '\r');
                if (control && !allowedWhitespace) {
                    throw new DefinitionFormatException(CONTROL_CHARACTER, path,
                            String.format("control character U+%04X at position %d is not allowed", (int) c, i));
                }
            }
            return value;
        }

        private static Literal scalar(JsonNode node, String path) {
            if (node.isTextual()) {
                return new Literal.Text(string(node, path, false));
            }
            if (node.isBoolean()) {
                return new Literal.Bool(node.booleanValue());
            }
            if (node.isNumber()) {
                return new Literal.Number(number(node, path));
            }
            throw wrongType(path, "a string, number or boolean", node);
        }

        private List<Literal> scalars(JsonNode node, String path) {
            ArrayNode items = array(node, path);
            if (items.size() > MAX_IN_VALUES) {
                throw new DefinitionFormatException(TOO_MANY_VALUES, path,
                        "a list is limited to " + MAX_IN_VALUES + " values; this one has " + items.size());
            }
            if (items.isEmpty()) {
                throw new DefinitionFormatException(INVALID_VALUE, path, "the list of values must not be empty");
            }
            List<Literal> values = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                values.add(scalar(items.get(i), path + "[" + i + "]"));
            }
            return values;
        }

        private static BigDecimal number(JsonNode node, String path) {
            if (!node.isNumber()) {
                throw wrongType(path, "a number", node);
            }
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                throw new DefinitionFormatException(NUMBER_OUT_OF_RANGE, path, "NaN and Infinity are not numbers here");
            }
            BigDecimal value = node.decimalValue();
            if (value.abs().compareTo(MAX_MAGNITUDE) > 0) {
                throw new DefinitionFormatException(NUMBER_OUT_OF_RANGE, path,
                        "numbers are limited to ±1e15; got " + clip(value.toString()));
            }
            if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
                throw new DefinitionFormatException(NUMBER_OUT_OF_RANGE, path,
                        "numbers are limited to " + MAX_DECIMALS + " decimal places; got " + clip(value.toString()));
            }
            return value;
        }

        private static long integer(JsonNode node, String path) {
            BigDecimal value = number(node, path);
            if (value.stripTrailingZeros().scale() > 0) {
                throw new DefinitionFormatException(WRONG_JSON_TYPE, path, "expected a whole number, got " + value.toPlainString());
            }
            return value.longValueExact();
        }

        private static ComparisonOp comparisonOp(JsonNode node, String path, boolean thresholdOnly) {
            String symbol = string(node, path, false);
            List<String> allowed = thresholdOnly ? THRESHOLD_OPS : List.of("=", "!=", ">", ">=", "<", "<=", "contains");
            if (!allowed.contains(symbol)) {
                throw new DefinitionFormatException(INVALID_VALUE, path,
                        "unknown operator '" + clip(symbol) + "'; expected one of " + String.join(", ", allowed));
            }
            return ComparisonOp.fromSymbol(symbol);
        }

        private static LocalDate date(JsonNode node, String path) {
            String text = string(node, path, false);
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new DefinitionFormatException(INVALID_VALUE, path,
                        "'" + clip(text) + "' is not an ISO date (YYYY-MM-DD)");
            }
        }

        private static DefinitionFormatException wrongType(String path, String expected, JsonNode actual) {
            return new DefinitionFormatException(WRONG_JSON_TYPE, path, "expected " + expected + ", got " + jsonType(actual));
        }

        private static String jsonType(JsonNode node) {
            if (node == null || node.isMissingNode()) return "nothing";
            if (node.isNull()) return "null";
            if (node.isObject()) return "an object";
            if (node.isArray()) return "an array";
            if (node.isTextual()) return "a string";
            if (node.isBoolean()) return "a boolean";
            if (node.isNumber()) return "a number";
            return node.getNodeType().name().toLowerCase();
        }

        private static String article(String what) {
            return what.startsWith("a ") || what.startsWith("an ") ? what : "'" + what + "' node";
        }
    }

    /** Error messages echo user text; keep them short so a 500-char value does not flood a log line. */
    static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    // ------------------------------------------------------------------------------------------------ writing

    private static final class Writer {

        private static final JsonNodeFactory F = JsonNodeFactory.instance;

        static ObjectNode definition(SegmentDefinition d) {
            ObjectNode node = F.objectNode();
            if (d.name() != null) {
                node.put("name", d.name());
            }
            if (d.description() != null) {
                node.put("description", d.description());
            }
            if (d.condition() != null) {
                node.set("condition", condition(d.condition()));
            }
            return node;
        }

        static ObjectNode condition(Condition c) {
            ObjectNode node = F.objectNode();
            if (c instanceof Condition.And and) {
                node.put("type", "and");
                node.set("conditions", conditions(and.conditions()));
            } else if (c instanceof Condition.Or or) {
                node.put("type", "or");
                node.set("conditions", conditions(or.conditions()));
            } else if (c instanceof Condition.Not not) {
                node.put("type", "not");
                node.set("condition", condition(not.condition()));
            } else if (c instanceof Condition.Compare cmp) {
                node.put("type", "compare");
                node.put("field", cmp.field());
                node.put("op", cmp.op().symbol());
                node.set("value", literal(cmp.value()));
            } else if (c instanceof Condition.Between b) {
                node.put("type", "between");
                node.put("field", b.field());
                node.set("low", literal(b.low()));
                node.set("high", literal(b.high()));
            } else if (c instanceof Condition.In in) {
                node.put("type", "in");
                node.put("field", in.field());
                node.set("values", literals(in.values()));
            } else if (c instanceof Condition.IsNull isNull) {
                node.put("type", "isNull");
                node.put("field", isNull.field());
            } else if (c instanceof Condition.Event e) {
                event(node, e);
            } else if (c instanceof Condition.Score s) {
                node.put("type", "score");
                node.put("model", s.model());
                if (s.tier() != null) {
                    node.put("tier", s.tier());
                } else {
                    node.put("op", s.op().symbol());
                    node.put("value", decimal(s.value()));
                }
            } else if (c instanceof Condition.Cluster cl) {
                node.put("type", "cluster");
                node.put("model", cl.model());
                node.put("cluster", cl.cluster());
            } else if (c instanceof Condition.InSegment in) {
                node.put("type", "inSegment");
                node.put("segment", in.segment());
            } else {
                throw new IllegalArgumentException("unsupported condition " + c);
            }
            return node;
        }

        private static void event(ObjectNode node, Condition.Event e) {
            node.put("type", "event");
            node.put("event", e.event());
            node.put("did", e.did());
            if (!e.where().isEmpty()) {
                ArrayNode where = node.putArray("where");
                for (PropertyFilter f : e.where()) {
                    ObjectNode filter = where.addObject();
                    filter.put("property", f.property());
                    filter.put("op", FILTER_OPS.get(f.op().ordinal()));
                    if (f.op() == PropertyFilter.FilterOp.IN || f.op() == PropertyFilter.FilterOp.NOT_IN) {
                        filter.set("values", literals(f.values()));
                    } else {
                        filter.set("value", literal(f.value()));
                    }
                }
            }
            if (e.window() != null) {
                ObjectNode window = node.putObject("window");
                if (e.window().lastDays() != null) {
                    window.put("lastDays", e.window().lastDays());
                }
                if (e.window().from() != null) {
                    window.put("from", e.window().from().toString());
                }
                if (e.window().to() != null) {
                    window.put("to", e.window().to().toString());
                }
            }
            if (e.count() != null) {
                ObjectNode count = node.putObject("count");
                count.put("op", e.count().op().symbol());
                count.put("value", e.count().value());
            }
            if (e.sum() != null) {
                ObjectNode sum = node.putObject("sum");
                sum.put("measure", e.sum().measure());
                sum.put("op", e.sum().op().symbol());
                sum.put("value", decimal(e.sum().value()));
            }
        }

        private static BigDecimal decimal(Double value) {
            return new Literal.Number(BigDecimal.valueOf(value)).value();
        }

        private static ArrayNode conditions(List<Condition> conditions) {
            ArrayNode array = F.arrayNode();
            conditions.forEach(c -> array.add(condition(c)));
            return array;
        }

        private static ArrayNode literals(List<Literal> literals) {
            ArrayNode array = F.arrayNode();
            literals.forEach(l -> array.add(literal(l)));
            return array;
        }

        private static JsonNode literal(Literal literal) {
            if (literal instanceof Literal.Text t) {
                return F.textNode(t.value());
            }
            if (literal instanceof Literal.Number n) {
                return F.numberNode(n.value());
            }
            return F.booleanNode(((Literal.Bool) literal).value());
        }
    }
}
