package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.ingest.ImportRequest;
import dev.segmentagent.ingest.ImportReport;
import dev.segmentagent.ingest.ImportService;
import dev.segmentagent.ingest.ImportSource;
import dev.segmentagent.live.SegmentService;
import dev.segmentagent.warehouse.ProgressReporter;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service running on an imported catalog: a re-import of the same shape replaces the data and refreshes the
 * saved segments over it, so their members are those of the new file without anyone asking.
 */
class ReimportRefreshTest {

    @Test
    void a_reimport_refreshes_the_saved_segments_that_read_the_imported_columns() throws Exception {
        Path run = Path.of("target", "reimport-refresh", "run-" + System.nanoTime()).toAbsolutePath();
        Path dataDir = run.resolve("data");
        Files.createDirectories(run);
        Path first = run.resolve("first.csv");
        Files.writeString(first, "Cust ID,plan_tier,LTV($)\n1,pro,10\n2,free,20\n3,pro,30\n4,free,40\n5,pro,50\n");
        Path second = run.resolve("second.csv");
        Files.writeString(second, "Cust ID,plan_tier,LTV($)\n1,free,10\n2,pro,20\n3,pro,30\n6,pro,60\n7,free,70\n");
        int exit = new CommandLine(new SegmentAgentCommand()).execute("import", "--customers", first.toString(),
                "--id-column", "Cust ID", "--data-dir", dataDir.toString(), "--quiet");
        assertThat(exit).isZero();

        Map<String, Object> properties = Map.of("segment.data.dir", dataDir.toString(),
                "segment.catalog.dir", dataDir.resolve("catalog").toString(),
                "segment.data.generate-if-empty", false, "micronaut.server.enabled", false,
                "segment.models.train-on-start", false, "segment.live.schedule-enabled", false);
        try (ApplicationContext context = ApplicationContext.builder().environments("test").properties(properties).start()) {
            SegmentService segments = context.getBean(SegmentService.class);
            var pro = segments.create(new SegmentService.SaveCommand("pro plan", null, new ObjectMapper().readTree(
                    "{\"condition\": {\"type\": \"compare\", \"field\": \"plan_tier\", \"op\": \"=\", \"value\": \"pro\"}}"),
                    null), "test");
            assertThat(memberIds(segments, pro.id())).containsExactly(1L, 3L, 5L);

            ImportReport report = context.getBean(ImportService.class).importData(new ImportRequest(
                    ImportSource.File.of(second), null, null, "Cust ID", null, dataDir.resolve("catalog"), false),
                    ProgressReporter.silent(), false);

            assertThat(report.drafted()).as("the reviewed catalog still fits").isFalse();
            assertThat(report.refreshed()).isEqualTo(1);
            assertThat(memberIds(segments, pro.id())).containsExactly(2L, 3L, 6L);
        }
    }

    private static List<Long> memberIds(SegmentService segments, java.util.UUID id) {
        return segments.members(id, 0, 100, false, "test").items().stream()
                .map(row -> ((Number) row.get("customer_id")).longValue()).sorted().toList();
    }
}
