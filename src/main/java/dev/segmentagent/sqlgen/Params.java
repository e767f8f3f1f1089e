package dev.segmentagent.sqlgen;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Binds compiled parameters (Long, Double, String, Boolean, LocalDate, LocalDateTime) positionally. */
final class Params {

    private Params() {}

    static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }
}
