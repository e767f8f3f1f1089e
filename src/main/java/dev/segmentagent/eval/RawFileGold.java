package dev.segmentagent.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Gold SQL of an external eval runs over the raw files the data was imported from, not over our warehouse,
 * so a mistake in our import or catalog cannot make the gold agree with us. In a private in-memory DuckDB
 * (the warehouse has file access off) each imported file is a view named after its role: {@code customers},
 * {@code orders}, {@code events}, read with DuckDB's reader for its format and its original column names;
 * {@code {as_of}} stands for the data's as-of timestamp.
 */
final class RawFileGold {

    private final Map<String, JsonNode> sources;
    private final Instant asOf;

    private RawFileGold(Map<String, JsonNode> sources, Instant asOf) {
        this.sources = sources;
        this.asOf = asOf;
    }

    /** From warehouse_meta's record of the import (JSON {role: {format, path}}). */
    static RawFileGold of(String sourcesJson, Instant asOf) {
        try {
            JsonNode node = new ObjectMapper().readTree(sourcesJson);
            Map<String, JsonNode> sources = new java.util.LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sources.put(e.getKey(), e.getValue());
            }
            return new RawFileGold(sources, asOf);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the recorded import sources: " + e.getMessage(), e);
        }
    }

    Set<Long> members(String goldSql) {
        String sql = goldSql.replace("{as_of}", "TIMESTAMP '" + LocalDateTime.ofInstant(asOf, ZoneOffset.UTC) + "'");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            for (Map.Entry<String, JsonNode> e : sources.entrySet()) {
                String reader = reader(e.getValue());
                if (reader != null) {
                    statement.execute("CREATE VIEW \"" + e.getKey() + "\" AS SELECT * FROM " + reader);
                }
            }
            Set<Long> ids = new HashSet<>();
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalArgumentException("gold SQL failed over the raw files: " + e.getMessage() + " in: " + sql, e);
        }
    }

    private static String reader(JsonNode source) {
        String path = "'" + source.path("path").asText().replace("'", "''") + "'";
        return switch (source.path("format").asText()) {
            case "csv" -> "read_csv(" + path + ", header = true)";
            case "parquet" -> "read_parquet(" + path + ")";
            case "json" -> "read_json(" + path + ", format = 'auto')";
            default -> null; // a JDBC source has no raw file: gold SQL must read it some other way
        };
    }
}
