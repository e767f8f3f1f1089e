package dev.segmentagent.catalog;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Profiles every catalog field that has a column in customer_features, in two scans: one wide aggregate
 * (count, distinct, min, max of every column) and one UNPIVOT + GROUP BY over the low-cardinality
 * categorical columns for their value counts. Personal data gets counts only, never values or ranges.
 */
public final class FieldProfiler {

    public static final int LOW_CARDINALITY = 50;

    public Map<String, FieldProfile> profile(DuckDbWarehouse warehouse, Catalog catalog) {
        try (Connection connection = warehouse.connection()) {
            List<FieldSpec> fields = presentFields(connection, catalog);
            if (fields.isEmpty()) {
                return Map.of();
            }
            Map<String, FieldProfile> profiles = wideScan(connection, fields);
            List<FieldSpec> lowCardinality = fields.stream()
                    .filter(f -> categorical(f) && !f.pii())
                    .filter(f -> profiles.get(f.name()).distinct() > 0 && profiles.get(f.name()).distinct() <= LOW_CARDINALITY)
                    .toList();
            Map<String, List<FieldProfile.ValueCount>> values = valueCounts(connection, lowCardinality);
            Map<String, FieldProfile> result = new LinkedHashMap<>();
            for (FieldSpec field : fields) {
                FieldProfile p = profiles.get(field.name());
                result.put(field.name(), new FieldProfile(p.field(), p.rows(), p.nonNull(), p.nullRate(), p.distinct(),
                        p.min(), p.max(), values.getOrDefault(field.name(), List.of())));
            }
            return result;
        } catch (SQLException e) {
            throw new WarehouseException("profiling " + FeatureSql.FEATURE_TABLE + " failed: " + e.getMessage(), e);
        }
    }

    /** Catalog fields with a column in the current table (a catalog newer than the build has some without). */
    private static List<FieldSpec> presentFields(Connection connection, Catalog catalog) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ?")) {
            statement.setString(1, FeatureSql.FEATURE_TABLE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return catalog.fields().stream().filter(f -> columns.contains(f.name())).toList();
    }

    private static Map<String, FieldProfile> wideScan(Connection connection, List<FieldSpec> fields) throws SQLException {
        List<String> items = new ArrayList<>();
        items.add("count(*)");
        for (FieldSpec field : fields) {
            String column = SqlText.id(field.name());
            items.add("count(" + column + ")");
            items.add("count(DISTINCT " + column + ")");
            boolean ranged = ranged(field);
            items.add(ranged ? "min(" + column + ")" : "NULL");
            items.add(ranged ? "max(" + column + ")" : "NULL");
        }
        String sql = "SELECT " + String.join(", ", items) + " FROM " + SqlText.id(FeatureSql.FEATURE_TABLE);
        Map<String, FieldProfile> profiles = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            long rows = row.getLong(1);
            int at = 2;
            for (FieldSpec field : fields) {
                long nonNull = row.getLong(at);
                long distinct = row.getLong(at + 1);
                Object min = value(field, row.getObject(at + 2));
                Object max = value(field, row.getObject(at + 3));
                at += 4;
                double nullRate = rows == 0 ? 0.0 : (double) (rows - nonNull) / rows;
                profiles.put(field.name(), new FieldProfile(field.name(), rows, nonNull, nullRate, distinct, min, max, List.of()));
            }
        }
        return profiles;
    }

    private static Map<String, List<FieldProfile.ValueCount>> valueCounts(Connection connection, List<FieldSpec> fields)
            throws SQLException {
        Map<String, List<FieldProfile.ValueCount>> values = new HashMap<>();
        if (fields.isEmpty()) {
            return values;
        }
        List<String> casts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (FieldSpec field : fields) {
            casts.add("CAST(" + SqlText.id(field.name()) + " AS VARCHAR) AS " + SqlText.id(field.name()));
            names.add(SqlText.id(field.name()));
        }
        // UNPIVOT drops nulls, so these are counts of actual values; one scan for all the fields
        String sql = "SELECT field, value, count(*) AS n FROM (UNPIVOT (SELECT " + String.join(", ", casts) + " FROM "
                + SqlText.id(FeatureSql.FEATURE_TABLE) + ") ON " + String.join(", ", names)
                + " INTO NAME field VALUE value) GROUP BY field, value ORDER BY field, n DESC, value";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.computeIfAbsent(rows.getString(1), f -> new ArrayList<>())
                        .add(new FieldProfile.ValueCount(rows.getString(2), rows.getLong(3)));
            }
        }
        return values;
    }

    private static boolean categorical(FieldSpec field) {
        return field.type() == FieldType.ENUM || field.type() == FieldType.BOOLEAN || field.type() == FieldType.STRING;
    }

    private static boolean ranged(FieldSpec field) {
        return !field.pii() && (field.type().isNumeric() || field.type().isTemporal());
    }

    private static Object value(FieldSpec field, Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (field.type().isTemporal()) {
            return raw.toString();
        }
        return raw;
    }
}
