package dev.segmentagent.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that every table and column the catalog names exists in the warehouse, so a typo in a derivation
 * fails at start-up with the field's name instead of at the first feature build.
 */
public final class CatalogWarehouseCheck {

    /** Ground truth of the demo generator: only evaluation reads it, so the catalog must never reach it. */
    static final Set<String> FORBIDDEN_TABLES = Set.of("planted_personas");

    private CatalogWarehouseCheck() {
    }

    public static void verify(Catalog catalog, Connection connection) {
        Map<String, Set<String>> columns = columns(connection);
        List<CatalogProblem> problems = new ArrayList<>();
        Checker check = new Checker(columns, problems);
        for (TableSpec table : catalog.tables()) {
            String where = "table " + table.name();
            check.column(where, table.name(), table.customerKey());
            if (table.dated()) {
                check.column(where, table.name(), table.timeColumn());
            }
        }
        for (FieldSpec field : catalog.fields()) {
            String where = "field " + field.name();
            Derivation derivation = field.derivation();
            if (derivation instanceof Derivation.Column column) {
                check.column(where, column.table(), column.column());
            } else if (derivation instanceof Derivation.Aggregate aggregate) {
                if (aggregate.column() != null) {
                    check.column(where, aggregate.table(), aggregate.column());
                }
                aggregate.filters().forEach(f -> check.column(where, aggregate.table(), f.column()));
            } else if (derivation instanceof Derivation.ModelOutput output) {
                String table = FeatureSql.modelTable(output.output());
                check.column(where, table, "model");
                check.column(where, table, FeatureSql.KEY);
                check.column(where, table, FeatureSql.modelColumn(output.output()));
            }
        }
        for (EventSpec event : catalog.events()) {
            String where = "event " + event.name();
            check.column(where, event.table(), event.timestamp());
            event.filters().forEach(f -> check.column(where, event.table(), f.column()));
            event.properties().forEach(p -> check.column(where, event.table(), p.column()));
            event.measures().forEach(m -> check.column(where, event.table(), m.column()));
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
    }

    private record Checker(Map<String, Set<String>> columns, List<CatalogProblem> problems) {
        void column(String where, String table, String column) {
            if (FORBIDDEN_TABLES.contains(table)) {
                problems.add(new CatalogProblem("warehouse", 0, where, "table '" + table + "' is evaluation ground truth and must not be used"));
            } else if (!columns.containsKey(table)) {
                problems.add(new CatalogProblem("warehouse", 0, where, "table '" + table + "' does not exist in the warehouse"));
            } else if (!columns.get(table).contains(column)) {
                problems.add(new CatalogProblem("warehouse", 0, where, "column '" + table + "." + column + "' does not exist in the warehouse"));
            }
        }
    }

    private static Map<String, Set<String>> columns(Connection connection) {
        Map<String, Set<String>> columns = new HashMap<>();
        String sql = "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'";
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), t -> new HashSet<>()).add(rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the warehouse columns: " + e.getMessage(), e);
        }
        return columns;
    }
}
