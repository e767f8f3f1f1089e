package dev.segmentagent.sqlgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.EventSpec;
import dev.segmentagent.catalog.TableSpec;
import dev.segmentagent.warehouse.DuckDbWarehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a statement before it runs, with DuckDB's own parser ({@code json_serialize_sql}) rather than
 * regular expressions: exactly one SELECT, only allowed base tables without schema/catalog qualifiers, no
 * table functions (read_csv, read_parquet, ...), no CTEs, and no functions that read the environment.
 * Defence in depth behind the compiler's bind-only SQL and the read-only transaction.
 */
public final class SqlPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DENIED_FUNCTIONS = Set.of(
            "getenv", "current_setting", "set_config", "nextval", "currval", "setseed", "query", "query_table");

    private final Set<String> allowedTables;

    public SqlPolicy(Set<String> allowedTables) {
        Set<String> lower = new HashSet<>();
        allowedTables.forEach(t -> lower.add(t.toLowerCase(Locale.ROOT)));
        this.allowedTables = Set.copyOf(lower);
    }

    /** customer_features, the catalog's tables and event tables, model_scores and cluster_assignments. */
    public static SqlPolicy forCatalog(Catalog catalog) {
        Set<String> tables = new HashSet<>();
        tables.add(SegmentCompiler.FEATURES);
        tables.add(PredicateWriter.MODEL_SCORES);
        tables.add(PredicateWriter.CLUSTER_ASSIGNMENTS);
        catalog.tables().stream().map(TableSpec::name).forEach(tables::add);
        catalog.events().stream().map(EventSpec::table).forEach(tables::add);
        return new SqlPolicy(tables);
    }

    public Set<String> allowedTables() {
        return allowedTables;
    }

    /** Checks inside a read-only transaction of the warehouse. */
    public void check(DuckDbWarehouse warehouse, String sql) {
        try {
            warehouse.readOnly(connection -> {
                check(connection, sql);
                return null;
            });
        } catch (SQLException e) {
            throw new PolicyViolationException("the statement could not be analysed: " + e.getMessage());
        }
    }

    /** Checks on the caller's connection (which should be inside a read-only transaction). */
    public void check(Connection connection, String sql) throws SQLException {
        if (sql == null || sql.isBlank()) {
            throw new PolicyViolationException("empty statement");
        }
        String serialised;
        try (PreparedStatement statement = connection.prepareStatement("SELECT json_serialize_sql(?)")) {
            statement.setString(1, sql);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                serialised = rs.getString(1);
            }
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(serialised);
        } catch (JsonProcessingException e) {
            throw new PolicyViolationException("DuckDB's parser returned unreadable output");
        }
        if (tree.path("error").asBoolean(true)) {
            throw new PolicyViolationException("not a single parseable SELECT: " + tree.path("error_message").asText("unknown error"));
        }
        JsonNode statements = tree.path("statements");
        if (!statements.isArray() || statements.size() != 1) {
            throw new PolicyViolationException("expected exactly one statement, found " + statements.size());
        }
        JsonNode root = statements.get(0).path("node");
        if (!"SELECT_NODE".equals(root.path("type").asText())) {
            throw new PolicyViolationException("the statement is not a plain SELECT (" + root.path("type").asText() + ")");
        }
        walk(root);
    }

    private void walk(JsonNode node) {
        if (node.isArray()) {
            node.forEach(this::walk);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String type = node.path("type").asText("");
        switch (type) {
            case "BASE_TABLE" -> table(node);
            case "TABLE_FUNCTION" -> throw new PolicyViolationException("table functions are not allowed ("
                    + node.path("function").path("function_name").asText("?") + ")");
            case "SELECT_NODE", "SET_OPERATION_NODE" -> {
                JsonNode ctes = node.path("cte_map").path("map");
                if (ctes.isArray() && !ctes.isEmpty()) {
                    throw new PolicyViolationException("common table expressions are not allowed");
                }
            }
            default -> { }
        }
        if ("FUNCTION".equals(node.path("class").asText())) {
            String name = node.path("function_name").asText("").toLowerCase(Locale.ROOT);
            if (DENIED_FUNCTIONS.contains(name)) {
                throw new PolicyViolationException("function " + name + " is not allowed");
            }
            if (!node.path("schema").asText("").isEmpty() || !node.path("catalog").asText("").isEmpty()) {
                throw new PolicyViolationException("qualified function names are not allowed (" + name + ")");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            walk(fields.next().getValue());
        }
    }

    private void table(JsonNode node) {
        String name = node.path("table_name").asText("");
        String schema = node.path("schema_name").asText("");
        String catalog = node.path("catalog_name").asText("");
        if (!catalog.isEmpty() || !(schema.isEmpty() || schema.equalsIgnoreCase("main"))) {
            throw new PolicyViolationException("qualified table " + catalog + "." + schema + "." + name + " is not allowed");
        }
        if (!allowedTables.contains(name.toLowerCase(Locale.ROOT))) {
            throw new PolicyViolationException("table " + name + " is not allowed");
        }
    }
}
