package dev.segmentagent.cli;

import dev.segmentagent.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {

    @Test
    void a_reimport_keeps_the_fitting_catalog_rebuilds_features_and_a_bad_file_changes_nothing() throws Exception {
        Path run = Path.of("target", "import-cli", "run-" + System.nanoTime());
        Path dataDir = run.resolve("data");
        Files.createDirectories(run);
        Path first = run.resolve("first.csv");
        Files.writeString(first, "Cust ID,plan_tier,LTV($)\n1,pro,10\n2,free,20\n3,pro,30\n4,free,40\n5,pro,50\n");
        Path second = run.resolve("second.csv");
        Files.writeString(second, "Cust ID,plan_tier,LTV($)\n7,pro,70\n8,free,80\n9,free,90\n10,free,95\n11,pro,99\n12,pro,1\n");
        Path bad = run.resolve("bad.csv");
        Files.writeString(bad, "Cust ID,plan_tier,LTV($)\n7,pro,70\n8,free\n");

        assertThat(importCsv(first, dataDir).exit()).isZero();
        CommandRun again = importCsv(second, dataDir);
        CommandRun rejected = importCsv(bad, dataDir);

        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("catalog kept (still fits)");
        assertThat(rejected.exit()).isEqualTo(2);
        assertThat(rejected.err()).contains("ragged-row", "line 3", "nothing was changed");
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.openFile(dataDir.resolve("warehouse.duckdb"));
             Connection c = warehouse.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), sum(ltv), count(*) FILTER (WHERE plan_tier = 'pro') "
                     + "FROM customer_features")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(6);
            assertThat(rs.getDouble(2)).isEqualTo(435.0);
            assertThat(rs.getLong(3)).isEqualTo(3);
        }
    }

    private static CommandRun importCsv(Path file, Path dataDir) {
        return CommandRun.of("import", "--customers", file.toString(), "--id-column", "Cust ID",
                "--data-dir", dataDir.toString(), "--quiet");
    }
}
