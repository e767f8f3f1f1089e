package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench must keep working as the code changes, so CI runs it on a small data set. It asserts that every
 * figure is reported and every definition of the mix ran, never how fast: timings belong in BENCHMARKS.md.
 */
class BenchCommandSmokeTest {

    @Test
    void bench_on_small_demo_data_reports_every_measure_as_table_and_json() throws Exception {
        Path dataDir = Path.of("target", "bench-smoke", "data");
        Path json = Path.of("target", "bench-smoke", "report.json");
        Files.createDirectories(json.getParent());
        Files.deleteIfExists(json);

        CommandRun run = CommandRun.of("bench", "--customers", "2000",
                    "--data-dir", dataDir.toString(), "--compile-rounds", "3", "--preview-rounds", "1",
                    "--refresh-segments", "10,20", "--event-rates", "40", "--event-seconds", "1",
                    "--planner-rounds", "1", "--token-requests", "3", "--json", json.toString());
        int exit = run.exit();
        String table = run.out();

        assertThat(exit).isZero();
        assertThat(table).contains("validate + compile (µs)", "preview: count + funnel + sample (ms)",
                "offline planner", "full refresh", "event → membership at 40/s", "start-up",
                "LLM agent tokens per request");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("customers").asLong()).isEqualTo(2000);
        assertThat(report.path("previews")).hasSize(report.path("definitions").asInt());
        assertThat(report.path("validateCompile").path("samples").asInt()).isEqualTo(3 * report.path("definitions").asInt());
        // the mix is meant to select real audiences: most definitions must find someone even on 2,000 customers
        long nonEmpty = 0;
        for (JsonNode d : report.path("previews")) {
            nonEmpty += d.path("count").asLong() > 0 ? 1 : 0;
        }
        assertThat(nonEmpty).isGreaterThanOrEqualTo(report.path("definitions").asInt() / 2);

        // full refresh through the live service: every bench segment refreshed, none failed, and each one's
        // members are exactly what its hand-written SQL selects
        JsonNode refresh = report.path("refresh");
        assertThat(refresh).hasSize(2);
        for (JsonNode r : refresh) {
            assertThat(r.path("refreshed").asInt()).isEqualTo(r.path("segments").asInt());
            assertThat(r.path("failed").asInt()).isZero();
            assertThat(r.path("mismatched").asInt()).isZero();
            assertThat(r.path("memberships").asLong()).isPositive();
        }
        // every event sent moved its customer into the watched segment
        JsonNode events = report.path("events").get(0);
        assertThat(events.path("events").asInt()).isEqualTo(40);
        assertThat(events.path("neverEntered").asInt()).isZero();
        assertThat(events.path("latency").path("samples").asInt()).isEqualTo(40);
        assertThat(report.path("planner").path("samples").asInt()).isEqualTo(report.path("plannerRequests").asInt());
        assertThat(report.path("startup").path("heapUsedMiB").asLong()).isPositive();
        // tokens per request through the real agent and client: no endpoint is configured in CI, so the loopback
        // endpoint answered and the tokenizer counted; the catalog cut to 80, as it is, and widened to 500 fields
        JsonNode tokens = report.path("tokens");
        assertThat(tokens).hasSize(3);
        assertThat(tokens.findValues("catalogFields").stream().map(JsonNode::asInt).toList()).containsExactly(80, 128, 500);
        for (JsonNode t : tokens) {
            assertThat(t.path("source").asText()).contains("loopback");
            assertThat(t.path("answered").asInt()).isEqualTo(3);
            assertThat(t.path("failed").asInt()).isZero();
            // a tool round and the answer: at least two model calls per request, each with the whole prompt
            assertThat(t.path("callsPerRequest").asDouble()).isGreaterThanOrEqualTo(2.0);
            assertThat(t.path("promptP50").asLong()).isGreaterThan(t.path("maxCallPromptTokens").asLong() / 2);
            assertThat(t.path("completionP50").asLong()).isPositive();
        }
        // the bench leaves no segment of its own behind in a reused data folder
        assertThat(report.path("refresh").get(1).path("refreshed").asInt()).isEqualTo(20);
    }
}
