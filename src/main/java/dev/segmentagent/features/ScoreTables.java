package dev.segmentagent.features;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.Rollback;
import dev.segmentagent.warehouse.WarehouseException;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a model's outputs into model_scores / cluster_assignments so that a reader never sees half a run.
 *
 * <p>The new rows go first into a staging table (bulk, through the appender, outside any reader's view);
 * then one transaction deletes the model's old rows and copies the staged ones in. DuckDB's MVCC gives every
 * reader a snapshot, so a count during the swap sees the old run's rows or the new run's, never a mix.
 */
final class ScoreTables {

    /** One model's scores, row i for customer ids[i]. */
    record Scores(String model, String version, long[] ids, double[] scores, String[] tiers) {}

    /** One clustering's assignments, row i for customer ids[i]. */
    record Assignments(String model, String version, long[] ids, int[] clusters, String[] names) {}

    private final DuckDbWarehouse warehouse;

    ScoreTables(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    void replace(Scores scores) {
        String staging = "model_scores_next_" + scores.model();
        swap(staging, "model_scores", scores.model(), """
                CREATE OR REPLACE TABLE %s (model VARCHAR NOT NULL, customer_id BIGINT NOT NULL, score DOUBLE,
                                            tier VARCHAR, model_version VARCHAR)""".formatted(staging),
                appender -> {
                    for (int i = 0; i < scores.ids().length; i++) {
                        appender.beginRow().append(scores.model()).append(scores.ids()[i]).append(scores.scores()[i]);
                        text(appender, scores.tiers()[i]).append(scores.version()).endRow();
                    }
                });
    }

    void replace(Assignments assignments) {
        String staging = "cluster_assignments_next_" + assignments.model();
        swap(staging, "cluster_assignments", assignments.model(), """
                CREATE OR REPLACE TABLE %s (model VARCHAR NOT NULL, customer_id BIGINT NOT NULL, cluster_id INTEGER NOT NULL,
                                            cluster_name VARCHAR, model_version VARCHAR)""".formatted(staging),
                appender -> {
                    for (int i = 0; i < assignments.ids().length; i++) {
                        appender.beginRow().append(assignments.model()).append(assignments.ids()[i])
                                .append(assignments.clusters()[i]);
                        text(appender, assignments.names()[i]).append(assignments.version()).endRow();
                    }
                });
    }

    private interface Rows {
        void append(DuckDBAppender appender) throws SQLException;
    }

    private void swap(String staging, String target, String model, String createStaging, Rows rows) {
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
            statement.execute(createStaging);
            try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, staging)) {
                rows.append(appender);
            }
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + target + " WHERE model = ?")) {
                delete.setString(1, model);
                delete.executeUpdate();
                statement.execute("INSERT INTO " + target + " SELECT * FROM " + staging);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                Rollback.keepingCause(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
                statement.execute("DROP TABLE IF EXISTS " + staging);
            }
        } catch (SQLException e) {
            throw new WarehouseException("writing " + target + " for " + model + " failed: " + e.getMessage(), e);
        }
    }

    private static DuckDBAppender text(DuckDBAppender appender, String value) throws SQLException {
        return value == null ? appender.appendNull() : appender.append(value);
    }
}
