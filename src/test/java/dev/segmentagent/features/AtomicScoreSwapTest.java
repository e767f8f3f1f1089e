package dev.segmentagent.features;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader counting a model's scores while runs replace them sees a whole run, old or new, never a mix. */
class AtomicScoreSwapTest {

    @Test
    void given_a_reader_counting_during_repeated_swaps_then_every_count_is_a_whole_run() throws Exception {
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory()) {
            ScoreTables tables = new ScoreTables(warehouse);
            tables.replace(run("v0", 20_000));
            // another model's rows must survive every swap of churn
            tables.replace(new ScoreTables.Scores("rfm", "rfm:v1", new long[] {1, 2, 3}, new double[] {3, 9, 15},
                    new String[] {"lost", "loyal", "champions"}));
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement()) {
                    while (writing.get()) {
                        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM model_scores WHERE model = 'churn'")) {
                            rs.next();
                            seen.add(rs.getLong(1));
                        }
                    }
                } catch (Exception e) {
                    seen.add(-1L);
                }
            });
            reader.start();
            for (int i = 1; i <= 8; i++) {
                tables.replace(run("v" + i, i % 2 == 0 ? 20_000 : 35_000));
            }
            writing.set(false);
            reader.join();

            assertThat(seen).isNotEmpty().isSubsetOf(20_000L, 35_000L);
            try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*), count(DISTINCT model_version) FROM model_scores WHERE model = 'churn'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(20_000);
                assertThat(rs.getLong(2)).isEqualTo(1);
            }
            try (Connection connection = warehouse.connection(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM model_scores WHERE model = 'rfm'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
        }
    }

    private static ScoreTables.Scores run(String version, int customers) {
        long[] ids = LongStream.rangeClosed(1, customers).toArray();
        double[] scores = new double[customers];
        String[] tiers = new String[customers];
        for (int i = 0; i < customers; i++) {
            scores[i] = (i % 100) / 100.0;
            tiers[i] = ScoreTiers.CHURN.tier(scores[i]);
        }
        return new ScoreTables.Scores("churn", "churn:" + version, ids, scores, tiers);
    }
}
