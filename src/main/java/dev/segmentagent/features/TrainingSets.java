package dev.segmentagent.features;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.FeatureBuilder;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Point-in-time training sets: the catalog's features exactly as they were at a cut-off (FeatureBuilder's
 * snapshot, which cuts every dated row at the cut-off and keeps only customers who had signed up), labelled
 * with what the customer did in the horizon after it. Nothing after the cut-off reaches a feature, so a model
 * is trained on what was knowable then and judged on what happened next.
 */
final class TrainingSets {

    // The purchase event of the catalog: a completed order (returned and cancelled orders are not purchases).
    private static final String LABEL_SQL = """
            SELECT s.*, COALESCE(l.orders, 0) AS label_orders
            FROM %s s
            LEFT JOIN (SELECT customer_id, count(*) AS orders FROM orders
                       WHERE status = 'completed' AND ordered_at >= ? AND ordered_at < ?
                       GROUP BY customer_id) l ON l.customer_id = s.customer_id
            WHERE %s
            ORDER BY s.customer_id""";

    private final DuckDbWarehouse warehouse;
    private final Catalog catalog;
    private final ModelInputs inputs;

    TrainingSets(DuckDbWarehouse warehouse, Catalog catalog) {
        this.warehouse = warehouse;
        this.catalog = catalog;
        this.inputs = ModelInputs.of(catalog);
    }

    ModelInputs inputs() {
        return inputs;
    }

    /** Features as of {@code cutoff}, labels from [cutoff, cutoff + horizon). */
    FeatureMatrix labelled(Outcome outcome, Instant cutoff) {
        String table = "ml_snapshot_" + outcome.model() + "_" + cutoff.getEpochSecond();
        new FeatureBuilder().buildSnapshot(warehouse, catalog, cutoff, table);
        try (Connection connection = warehouse.connection()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    LABEL_SQL.formatted(table, population(outcome)))) {
                statement.setObject(1, utc(cutoff));
                statement.setObject(2, utc(cutoff.plus(Duration.ofDays(outcome.horizonDays()))));
                return read(statement, outcome);
            } finally {
                try (Statement drop = connection.createStatement()) {
                    drop.execute("DROP TABLE IF EXISTS " + table);
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("building the " + outcome.model() + " training set failed: " + e.getMessage(), e);
        }
    }

    /** The customers to score now: features of customer_features (as of the warehouse as-of), no labels. */
    FeatureMatrix current(Outcome outcome) {
        String sql = "SELECT s.* FROM customer_features s WHERE " + population(outcome) + " ORDER BY s.customer_id";
        try (Connection connection = warehouse.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            return read(statement, null);
        } catch (SQLException e) {
            throw new WarehouseException("reading features to score failed: " + e.getMessage(), e);
        }
    }

    /** Scores the first {@code rows} rows of a chunk of feature rows. */
    interface ChunkScorer {
        double[] score(double[][] chunk, int rows);
    }

    /** Scores of the customers to score now, row i for customer ids[i]. */
    record Scored(long[] ids, double[] scores) {}

    /**
     * Streams the customers to score from customer_features in chunks and scores each chunk as it comes, so a
     * million customers never sit in memory as one feature matrix (only their ids and scores do).
     */
    Scored score(Outcome outcome, ChunkScorer scorer, int chunkRows) {
        String sql = "SELECT s.* FROM customer_features s WHERE " + population(outcome) + " ORDER BY s.customer_id";
        long[] ids = new long[1024];
        double[] scores = new double[1024];
        int n = 0;
        double[][] chunk = new double[chunkRows][];
        try (Connection connection = warehouse.connection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            ModelInputs.RowReader reader = inputs.reader(rs);
            int idColumn = rs.findColumn("customer_id");
            int inChunk = 0;
            while (true) {
                boolean more = rs.next();
                if (more) {
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                        scores = Arrays.copyOf(scores, n * 2);
                    }
                    ids[n++] = rs.getLong(idColumn);
                    chunk[inChunk++] = reader.read(rs);
                }
                if (inChunk == chunkRows || (!more && inChunk > 0)) {
                    System.arraycopy(scorer.score(chunk, inChunk), 0, scores, n - inChunk, inChunk);
                    inChunk = 0;
                }
                if (!more) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading features to score failed: " + e.getMessage(), e);
        }
        return new Scored(Arrays.copyOf(ids, n), Arrays.copyOf(scores, n));
    }

    private static String population(Outcome outcome) {
        return outcome.buyersOnly() ? "s.orders_count > 0" : "TRUE";
    }

    private FeatureMatrix read(PreparedStatement statement, Outcome outcome) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            ModelInputs.RowReader reader = inputs.reader(rs);
            int idColumn = rs.findColumn("customer_id");
            int labelColumn = outcome == null ? -1 : rs.findColumn("label_orders");
            while (rs.next()) {
                ids.add(rs.getLong(idColumn));
                rows.add(reader.read(rs));
                if (outcome != null) {
                    boolean ordered = rs.getLong(labelColumn) > 0;
                    labels.add(ordered == outcome.positiveWhenOrdered());
                }
            }
        }
        long[] idArray = ids.stream().mapToLong(Long::longValue).toArray();
        boolean[] labelArray = null;
        if (outcome != null) {
            labelArray = new boolean[labels.size()];
            for (int i = 0; i < labelArray.length; i++) {
                labelArray[i] = labels.get(i);
            }
        }
        return new FeatureMatrix(idArray, inputs.names(), rows.toArray(double[][]::new), labelArray);
    }

    /** DuckDB TIMESTAMP columns hold UTC wall time: bind a LocalDateTime in UTC, never via the JVM zone. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
