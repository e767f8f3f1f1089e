package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load command on a small data set, with access control on: it must start the real service on loopback,
 * drive every request kind and event ingestion over HTTP, see no server error, and find every acknowledged
 * event stored after shutdown. It asserts what happened, never how fast: figures belong in the note.
 */
class LoadCommandSmokeTest {

    @Test
    void a_short_load_run_completes_with_every_kind_served_no_server_error_and_no_lost_event() throws Exception {
        Path dataDir = Path.of("target", "load-smoke", "data");
        Path json = Path.of("target", "load-smoke", "report.json");
        Files.createDirectories(json.getParent());
        Files.deleteIfExists(json);

        CommandRun run = CommandRun.of("load", "--customers", "2000",
                    "--data-dir", dataDir.toString(), "--seconds", "3", "--users", "2",
                    "--events-per-second", "50", "--json", json.toString());
        int exit = run.exit();
        String table = run.out();
        System.out.println(table);

        assertThat(exit).isZero();
        assertThat(table).contains("preview", "events:", "ZERO LOSS");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("customers").asLong()).isEqualTo(2000);
        assertThat(report.path("security").asBoolean()).isTrue();
        for (JsonNode kind : report.path("requests")) {
            Iterator<Map.Entry<String, JsonNode>> errors = kind.path("errors").fields();
            while (errors.hasNext()) {
                String reason = errors.next().getKey();
                assertThat(reason).as("%s error", kind.path("kind").asText()).doesNotStartWith("5").doesNotStartWith("io");
            }
        }
        // every user opens with one call of each kind, answered through the run's key
        assertThat(report.path("requests").findValuesAsText("kind")).containsExactly("preview", "save", "generate", "events");
        for (JsonNode kind : report.path("requests")) {
            assertThat(kind.path("ok").asLong()).as(kind.path("kind").asText()).isPositive();
        }
        JsonNode events = report.path("events");
        assertThat(events.path("acknowledged").asLong()).isPositive();
        assertThat(events.path("stored").asLong()).isEqualTo(events.path("acknowledged").asLong());
        assertThat(events.path("missingCount").asLong()).isZero();
    }
}
