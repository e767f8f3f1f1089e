package dev.segmentagent.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One catalog YAML file, kept both as a JSON tree (for the schema validator and the parser) and as the
 * SnakeYAML node graph it came from, whose marks map any document path back to a line for error messages.
 *
 * <p>The file is composed once by SnakeYAML and converted here rather than parsed a second time by Jackson:
 * one parser means aliases, scalars and duplicate keys are read the same way for validation and for line
 * numbers. Only {@code compose} is used, so no Java objects are ever constructed from YAML tags.
 */
final class YamlDocument {

    private static final Pattern PATH_SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)|\\[(\\d+)]");

    private final String displayName;
    private final Node root;
    private final JsonNode json;

    private YamlDocument(String displayName, Node root, JsonNode json) {
        this.displayName = displayName;
        this.root = root;
        this.json = json;
    }

    /** Reads a file, adding a problem (and returning null) when it is not readable, well-formed YAML. */
    static YamlDocument read(Path file, String displayName, List<CatalogProblem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                    options, new StrictBooleanResolver()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new CatalogProblem(displayName, line, "", "not valid YAML: " + e.getProblem()));
            return null;
        } catch (IOException | RuntimeException e) {
            problems.add(new CatalogProblem(displayName, 0, "", "cannot read: " + e.getMessage()));
            return null;
        }
        if (root == null) {
            problems.add(new CatalogProblem(displayName, 0, "", "file is empty"));
            return null;
        }
        List<CatalogProblem> conversion = new ArrayList<>();
        JsonNode json = toJson(root, displayName, conversion);
        if (!conversion.isEmpty()) {
            problems.addAll(conversion);
            return null;
        }
        return new YamlDocument(displayName, root, json);
    }

    String displayName() {
        return displayName;
    }

    JsonNode json() {
        return json;
    }

    CatalogProblem problem(String path, String reason) {
        return new CatalogProblem(displayName, line(path), path, reason);
    }

    /**
     * The 1-based line of the node at {@code path} (e.g. {@code fields[3].derivation.ratio}); when the path
     * leads past what exists (a missing property) the line of the deepest node that does exist.
     */
    int line(String path) {
        Node node = root;
        Matcher matcher = PATH_SEGMENT.matcher(path == null ? "" : path);
        while (matcher.find()) {
            Node next = matcher.group(1) != null ? child(node, matcher.group(1)) : child(node, Integer.parseInt(matcher.group(2)));
            if (next == null) {
                break;
            }
            node = next;
        }
        return node.getStartMark().getLine() + 1;
    }

    private static Node child(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    private static Node child(Node node, int index) {
        if (node instanceof SequenceNode sequence && index < sequence.getValue().size()) {
            return sequence.getValue().get(index);
        }
        return null;
    }

    private static JsonNode toJson(Node node, String displayName, List<CatalogProblem> problems) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        if (node instanceof MappingNode mapping) {
            ObjectNode object = factory.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    problems.add(new CatalogProblem(displayName, tuple.getKeyNode().getStartMark().getLine() + 1, "",
                            "mapping keys must be plain words"));
                    continue;
                }
                object.set(key.getValue(), toJson(tuple.getValueNode(), displayName, problems));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = factory.arrayNode();
            for (Node item : sequence.getValue()) {
                array.add(toJson(item, displayName, problems));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        // Implicit tags were resolved by compose (YAML 1.1 core rules); quoted scalars stay strings.
        if (Tag.NULL.equals(tag)) {
            return factory.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return factory.booleanNode(value.equalsIgnoreCase("true"));
        }
        if (Tag.INT.equals(tag)) {
            try {
                BigInteger number = new BigInteger(value.replace("_", "").replace("+", ""));
                return number.bitLength() < 64 ? factory.numberNode(number.longValue()) : factory.numberNode(number);
            } catch (NumberFormatException e) {
                return factory.textNode(value);
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return factory.numberNode(Double.parseDouble(value.replace("_", "")));
            } catch (NumberFormatException e) {
                return factory.textNode(value);
            }
        }
        return factory.textNode(value);
    }

    /**
     * YAML 1.1 resolves yes/no/on/off to booleans, which turns the country code NO (Norway) into false.
     * Catalog files only ever mean true/false as booleans.
     */
    private static final class StrictBooleanResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
