package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.bench.BenchReport;
import dev.segmentagent.bench.LatencyStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench --growth}: the growth table in BENCHMARKS.md is printed from the JSON reports of runs at two
 * sizes, not typed by hand, and the chart is drawn from the same rows.
 */
class BenchGrowthCommandTest {

    @TempDir
    Path dir;

    @Test
    void prints_each_cost_at_every_size_with_its_growth_and_draws_the_chart() throws Exception {
        Path small = write("small.json", report(50_000, 20.0, 2.0, 5_000));
        Path large = write("large.json", report(1_000_000, 160.0, 24.0, 2_000));
        Path chart = dir.resolve("growth.png");

        // given largest first: the table still reads from the smallest size to the largest
        CommandRun run = CommandRun.of("bench", "--growth", large + "," + small, "--chart", chart.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("| measure | 50k | 1M | growth |",
                "| preview p50 (ms) | 20.0 | 160 | 8.00× |",
                "| 100-segment refresh, steady (s) | 2.00 | 24.0 | 12.00× |",
                "| event → membership p99 at 1,000/s (ms) | 5,000 | 2,000 | 0.40× |",
                "Customers grow 20× from the first column to the last.");
        // a section neither run measured is left out rather than shown empty
        assertThat(run.out()).doesNotContain("offline planner");
        BufferedImage image = ImageIO.read(chart.toFile());
        assertThat(image.getWidth()).isEqualTo(960);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void says_what_is_missing_instead_of_printing_a_half_table() throws Exception {
        Path small = write("small.json", report(50_000, 20.0, 2.0, 5_000));

        CommandRun one = CommandRun.of("bench", "--growth", small.toString());
        CommandRun absent = CommandRun.of("bench", "--growth", small + "," + dir.resolve("nowhere.json"));
        CommandRun chartAlone = CommandRun.of("bench", "--chart", dir.resolve("c.png").toString());

        assertThat(one.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(one.err()).contains("at least two sizes");
        assertThat(absent.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(absent.err()).contains("no bench report at", "nowhere.json");
        assertThat(chartAlone.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(chartAlone.err()).contains("--growth");
    }

    private Path write(String name, BenchReport report) throws Exception {
        Path file = dir.resolve(name);
        new ObjectMapper().writeValue(file.toFile(), report);
        return file;
    }

    private static BenchReport report(long customers, double previewP50, double steadySeconds, double eventP99) {
        LatencyStats preview = new LatencyStats(200, previewP50, previewP50 * 2, previewP50 * 3, previewP50 * 4, "ms");
        LatencyStats compile = new LatencyStats(4000, 9.0, 20.0, 90.0, 900.0, "µs");
        LatencyStats events = new LatencyStats(30_000, eventP99 / 2, eventP99 * 0.9, eventP99, eventP99 * 1.2, "ms");
        return new BenchReport("2 cores", customers, 20, Map.of(), new BenchReport.Startup(8.0, false, 21, 319),
                compile, preview, List.of(),
                List.of(new BenchReport.Refresh(100, 100, customers * 25, steadySeconds / 1.2, steadySeconds * 3,
                        steadySeconds, 3.6, 1.2, 0, 0)),
                List.of(new BenchReport.Events(1000, 1000.0, 30_000, 50, events, 0)), null, 0, List.of());
    }
}
