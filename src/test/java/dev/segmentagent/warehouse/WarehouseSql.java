package dev.segmentagent.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Small query helpers for warehouse tests. */
final class WarehouseSql {

    private WarehouseSql() {
    }

    static double number(DuckDbWarehouse warehouse, String sql) {
        try (Connection connection = warehouse.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("no row from " + sql);
            }
            Object value = rows.getObject(1);
            if (value == null) {
                throw new AssertionError("null from " + sql);
            }
            return ((Number) value).doubleValue();
        } catch (SQLException e) {
            throw new AssertionError(sql + " failed: " + e.getMessage(), e);
        }
    }

    static String text(DuckDbWarehouse warehouse, String sql) {
        try (Connection connection = warehouse.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new AssertionError(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** Order-independent fingerprint of a whole table: row count and the sum of row hashes. */
    static String fingerprint(DuckDbWarehouse warehouse, String table) {
        return text(warehouse, "SELECT count(*) || ':' || coalesce(sum(hash(t)), 0) FROM " + table + " t");
    }
}
