package dev.segmentagent.features;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fits RFM breakpoints on the customers who have bought (as of the warehouse as-of) and scores them. */
final class RfmTraining {

    static final String MODEL = "rfm";
    private static final String SQL = """
            SELECT customer_id, days_since_last_order, orders_count, COALESCE(revenue_total, 0)
            FROM customer_features WHERE orders_count > 0 ORDER BY customer_id""";

    private final DuckDbWarehouse warehouse;

    RfmTraining(DuckDbWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    TrainedModel train(String version, Progress progress) {
        progress.report("reading recency, frequency and value", 10);
        List<long[]> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SQL)) {
            while (rs.next()) {
                ids.add(new long[] {rs.getLong(1)});
                rows.add(new double[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
            }
        } catch (SQLException e) {
            throw new WarehouseException("reading RFM inputs failed: " + e.getMessage(), e);
        }
        int n = rows.size();
        if (n < 5) {
            throw new IllegalStateException("only " + n + " customers with orders: too few for quintiles");
        }
        double[] r = new double[n];
        double[] f = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = rows.get(i)[0];
            f[i] = rows.get(i)[1];
            m[i] = rows.get(i)[2];
        }
        progress.report("scoring " + n + " customers", 50);
        RfmModel model = RfmModel.fit(r, f, m);
        long[] idArray = new long[n];
        double[] scores = new double[n];
        String[] tiers = new String[n];
        Map<String, Long> sizes = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            RfmModel.Score score = model.score(r[i], f[i], m[i]);
            idArray[i] = ids.get(i)[0];
            scores[i] = score.total();
            tiers[i] = score.segment();
            sizes.merge(score.segment(), 1L, Long::sum);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("scored", n);
        metrics.put("segments", sizes.size());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("breakpoints", Map.of("recency_days", model.recency(), "orders", model.frequency(),
                "revenue", model.monetary()));
        details.put("segment_sizes", sizes);
        details.put("inputs", List.of("days_since_last_order", "orders_count", "revenue_total"));
        details.put("rules", "rfm_score = R + F + M (each 1..5 by quintile, 3..15); FM = round((F + M) / 2); "
                + "champions R>=4 FM>=4; loyal R>=3 FM>=3; new R>=4 F=1; potential_loyalist R>=3; "
                + "cant_lose R=1 FM>=4; at_risk FM>=3; hibernating R=2; lost otherwise");
        Map<String, Object> state = Map.of("recency", model.recency(), "frequency", model.frequency(),
                "monetary", model.monetary());
        return new TrainedModel(MODEL, version, null, state, metrics, details,
                new ScoreTables.Scores(MODEL, version, idArray, scores, tiers), null);
    }
}
