package dev.segmentagent.interpret;

import dev.segmentagent.sqlgen.Identifiers;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Percentiles of a customer_features column, read-only. The column name comes from the validated catalog, the
 * quantile is a bind parameter. quantile_disc returns an actual customer's value, so "top 20%" is a threshold
 * that some customer has exactly (no interpolated cent between two customers).
 */
final class WarehousePercentiles implements Percentiles {

    private final DuckDbWarehouse warehouse;

    WarehousePercentiles(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public Double at(String field, double q) {
        String sql = "SELECT CAST(quantile_disc(" + Identifiers.quote(field) + ", ?) AS DOUBLE) FROM customer_features";
        try {
            return warehouse.readOnly(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setDouble(1, q);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        double value = rs.getDouble(1);
                        return rs.wasNull() ? null : value;
                    }
                }
            });
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the percentile of " + field + ": " + e.getMessage(), e);
        }
    }
}
