package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The external evaluation contract, with only the CLI, on the shipped example: import a CSV with a named id
 * column into a fresh data folder, then eval a JSON Lines file whose gold SQL reads the raw CSV.
 */
class ExternalEvalContractTest {

    private static final Path EXAMPLE = Path.of("eval", "example");

    @Test
    void import_then_eval_reports_member_ids_exact_match_and_jaccard_per_case_in_json_and_markdown() throws Exception {
        Path run = Path.of("target", "external-eval", "run-" + System.nanoTime());
        Path dataDir = run.resolve("data");
        Path out = run.resolve("reports");

        int imported = new CommandLine(new SegmentAgentCommand()).execute("import", "--customers",
                EXAMPLE.resolve("customers.csv").toString(), "--id-column", "Cust ID", "--data-dir", dataDir.toString(),
                "--quiet");
        int evaluated = new CommandLine(new SegmentAgentCommand()).execute("eval", "--cases",
                EXAMPLE.resolve("cases.jsonl").toString(), "--data-dir", dataDir.toString(), "--out", out.toString());

        assertThat(imported).isZero();
        assertThat(evaluated).isZero();
        assertThat(dataDir.resolve("catalog/imported.yml")).exists();
        JsonNode report = new ObjectMapper().readTree(out.resolve("offline-planner.json").toFile());
        JsonNode cases = report.path("cases");
        assertThat(cases.size()).isEqualTo(Files.readAllLines(EXAMPLE.resolve("cases.jsonl")).stream()
                .filter(l -> !l.isBlank()).count());
        Map<String, JsonNode> byId = new HashMap<>();
        cases.forEach(c -> byId.put(c.path("id").asText(), c));

        // every answered case lists all its member ids; when it claims an exact match they equal the gold set,
        // which the test computes itself over the raw CSV, independently of the product
        int answered = 0;
        for (JsonNode line : new ObjectMapper().readerFor(JsonNode.class).<JsonNode>readValues(
                Files.readString(EXAMPLE.resolve("cases.jsonl"))).readAll()) {
            JsonNode result = byId.get(line.path("id").asText());
            if (!line.hasNonNull("gold_sql")) {
                assertThat(result.path("outcome").asText()).isIn("clarification", "declined", "answer", "error");
                continue;
            }
            Set<Long> gold = rawGold(line.path("gold_sql").asText(), report.path("asOf").asText());
            assertThat(result.path("goldCount").asLong()).as(line.path("id").asText()).isEqualTo(gold.size());
            if (result.path("outcome").asText().equals("answer")) {
                answered++;
                Set<Long> produced = new HashSet<>();
                result.path("producedSample").forEach(id -> produced.add(id.asLong()));
                assertThat(produced).hasSize(result.path("producedCount").asInt());
                Set<Long> both = new HashSet<>(produced);
                both.retainAll(gold);
                Set<Long> either = new HashSet<>(produced);
                either.addAll(gold);
                assertThat(result.path("jaccard").asDouble())
                        .isEqualTo(either.isEmpty() ? 1.0 : (double) both.size() / either.size());
                assertThat(result.path("correct").asBoolean()).isEqualTo(produced.equals(gold));
            }
        }
        assertThat(answered).isPositive();
        assertThat(byId.get("ex-10").path("outcome").asText()).isEqualTo("clarification");
        assertThat(byId.get("ex-11").path("outcome").asText()).isEqualTo("declined");
        assertThat(Files.readString(out.resolve("offline-planner.md"))).contains("| ex-01 |", "| ex-11 |");
    }

    private static Set<Long> rawGold(String goldSql, String asOf) throws Exception {
        String timestamp = "TIMESTAMP '" + asOf.replace("Z", "").replace('T', ' ') + "'";
        Set<Long> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE VIEW customers AS SELECT * FROM read_csv('" + EXAMPLE.resolve("customers.csv")
                    .toAbsolutePath() + "', header = true)");
            try (ResultSet rs = s.executeQuery(goldSql.replace("{as_of}", timestamp))) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
