package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripting commands run in-process, as the jar runs them, on 2,000 generated demo customers: what they
 * print, the exit code a script branches on, and that what preview counted is what save + export writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUYERS = "{\"condition\": {\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 2}}";

    private final Path dataDir = Path.of("target", "cli-commands", "data-" + System.nanoTime());


    @BeforeAll
    void generateDemoData() {
        CommandRun generated = CommandRun.of("generate", "--customers", "2000", "--seed", "11", "--data-dir", dataDir.toString());
        assertThat(generated.exit()).isZero();
    }

    @Test
    void ask_prints_explanation_preview_and_definition_and_its_json_draft_saves_unchanged_from_stdin() throws Exception {
        CommandRun human = runIn("ask", "gold or platinum loyalty members in Germany or France");
        assertThat(human.exit()).isEqualTo(ExitCode.OK);
        assertThat(human.out()).contains("Who: ").contains("of 2,000 customers").contains("Definition:")
                .contains("\"loyalty_tier\"").contains("Sample (");

        CommandRun json = runIn("ask", "--json", "gold or platinum loyalty members in Germany or France");
        JsonNode answer = JSON.readTree(json.out());
        assertThat(answer.path("kind").asText()).isEqualTo("answer");
        long count = answer.path("preview").path("count").asLong();
        assertThat(count).isPositive();
        assertThat(human.out()).contains(String.format("Count: %,d of 2,000", count));

        CommandRun saved = CommandRun.withInput(answer.path("draft").toString(), "save", "--definition", "-", "--json", "--data-dir", dataDir.toString());
        assertThat(saved.exit()).isEqualTo(ExitCode.OK);
        JsonNode segment = JSON.readTree(saved.out());
        assertThat(segment.path("name").asText()).isEqualTo(answer.path("draft").path("name").asText());
        assertThat(segment.path("sourceRequest").asText()).isEqualTo("gold or platinum loyalty members in Germany or France");
        assertThat(segment.path("version").asInt()).isEqualTo(1);
    }

    @Test
    void ask_with_an_ambiguous_request_prints_the_question_and_options_and_exits_5() {
        CommandRun asked = runIn("ask", "active customers");
        assertThat(asked.exit()).isEqualTo(ExitCode.NEEDS_CLARIFICATION);
        assertThat(asked.out()).contains("Question: ").contains("  1. ").contains("  2. ").contains("ask \"");
    }

    @Test
    void ask_out_of_scope_prints_the_reason_and_exits_6_and_an_empty_request_exits_4() {
        CommandRun declined = runIn("ask", "write me a poem about shoes");
        assertThat(declined.exit()).isEqualTo(ExitCode.DECLINED);
        assertThat(declined.out()).contains("Declined: ").contains("try: ");

        CommandRun empty = runIn("ask", "   ");
        assertThat(empty.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(empty.err()).contains("empty-request");
    }

    @Test
    void preview_then_save_then_export_writes_exactly_the_members_preview_counted() throws Exception {
        Path definition = dataDir.resolveSibling("buyers.json");
        Files.writeString(definition, BUYERS);

        CommandRun preview = runIn("preview", "--definition", definition.toString(), "--json", "--sample", "5");
        assertThat(preview.exit()).isEqualTo(ExitCode.OK);
        JsonNode previewed = JSON.readTree(preview.out());
        long count = previewed.path("count").asLong();
        assertThat(count).isPositive().isLessThan(2000);
        assertThat(previewed.path("baseCount").asLong()).isEqualTo(2000);
        assertThat(previewed.path("sample")).hasSize(5);

        CommandRun human = runIn("preview", "--definition", definition.toString());
        assertThat(human.out()).contains(String.format("Count: %,d of 2,000 customers", count)).contains("orders_365d");

        CommandRun saved = runIn("save", "--name", "Repeat buyers", "--definition", definition.toString());
        assertThat(saved.exit()).isEqualTo(ExitCode.OK);
        assertThat(saved.out()).startsWith("Saved segment ").contains("version 1: Repeat buyers");
        String id = saved.out().split(" ")[2];

        Path csv = dataDir.resolveSibling("buyers-" + UUID.randomUUID() + ".csv");
        CommandRun export = runIn("export", "--segment", id, "--out", csv.toString());
        assertThat(export.exit()).isEqualTo(ExitCode.OK);
        assertThat(export.err()).contains(String.format("Wrote %,d members", count));

        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(csv)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        assertThat(rows).hasSize((int) count);
        assertThat(rows).allSatisfy(r -> assertThat(Integer.parseInt(r.get("orders_365d"))).isGreaterThanOrEqualTo(2));
        Set<String> exported = rows.stream().map(r -> r.get("customer_id")).collect(Collectors.toSet());
        List<String> sampled = new ArrayList<>();
        previewed.path("sample").forEach(s -> sampled.add(s.path("customer_id").asText()));
        assertThat(exported).containsAll(sampled);
        assertThat(Files.exists(csv.resolveSibling(csv.getFileName() + ".part"))).isFalse();
    }

    @Test
    void save_from_ask_saves_the_answer_and_refuses_a_question_without_saving() {
        CommandRun saved = runIn("save", "--from-ask", "customers who bought shoes in the last 90 days", "--name", "Shoe buyers");
        assertThat(saved.exit()).isEqualTo(ExitCode.OK);
        assertThat(saved.out()).contains("Shoe buyers").contains("Who: ");

        CommandRun refused = runIn("save", "--from-ask", "active customers");
        assertThat(refused.exit()).isEqualTo(ExitCode.NEEDS_CLARIFICATION);
        assertThat(refused.err()).contains("Question: ").contains("Nothing saved.");
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void an_invalid_definition_lists_every_issue_with_its_path_and_exits_4() throws Exception {
        Path typo = dataDir.resolveSibling("typo.json");
        Files.writeString(typo, "{\"condition\": {\"type\": \"and\", \"conditions\": ["
                + "{\"type\": \"compare\", \"field\": \"orders_356d\", \"op\": \">=\", \"value\": 1},"
                + "{\"type\": \"compare\", \"field\": \"contry\", \"op\": \"=\", \"value\": \"DE\"}]}}");

        CommandRun preview = runIn("preview", "--definition", typo.toString());
        assertThat(preview.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(preview.err()).contains("the definition is not valid")
                .contains("$.condition.conditions[0]").contains("orders_356d")
                .contains("$.condition.conditions[1]").contains("contry");
        assertThat(preview.out()).isEmpty();

        CommandRun malformed = CommandRun.withInput("{\"condition\": ", "preview", "--definition", "-", "--data-dir", dataDir.toString());
        assertThat(malformed.exit()).isEqualTo(ExitCode.INVALID);
        assertThat(malformed.err()).contains("MALFORMED_JSON");

        CommandRun missing = runIn("preview", "--definition", dataDir.resolveSibling("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void export_of_an_unknown_segment_exits_3_and_writes_no_file() {
        Path csv = dataDir.resolveSibling("unknown.csv");
        UUID id = UUID.randomUUID();
        CommandRun export = runIn("export", "--segment", id.toString(), "--out", csv.toString());
        assertThat(export.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(export.err()).contains("there is no segment " + id);
        assertThat(csv).doesNotExist();

        CommandRun notAnId = runIn("export", "--segment", "shoe-buyers", "--out", csv.toString());
        assertThat(notAnId.exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void train_follows_the_run_with_a_progress_bar_prints_the_metrics_and_an_unknown_model_exits_3() {
        // "clusters" is what a marketer calls the behaviour model; k-means keeps this test quick
        CommandRun clusters = runIn("train", "--model", "clusters");
        assertThat(clusters.exit()).isEqualTo(ExitCode.OK);
        assertThat(clusters.out()).startsWith("behaviour version ").contains("silhouette").contains("k ");
        assertThat(clusters.err()).contains("train behaviour").contains("100%");

        CommandRun unknown = runIn("train", "--model", "lifetime_value");
        assertThat(unknown.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(unknown.err()).contains("no trainable model 'lifetime_value'").contains("churn");
    }

    private CommandRun runIn(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dataDir.toString();
        return CommandRun.of(all);
    }
}
