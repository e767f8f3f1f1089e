package dev.segmentagent.cli;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogLoader;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.interpret.fake.FakeOpenAiServer;
import dev.segmentagent.interpret.fake.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an LLM configured (here the loopback fake replaying a recorded completion through the real
 * langchain4j-open-ai client), `import` drafts the customer columns' descriptions and synonyms with it; the
 * model sees metadata and aggregates only, never a personal value; what it answers badly is dropped, and an
 * endpoint that fails leaves the heuristic draft and a warning, never a failed import.
 */
class ImportLlmDraftTest {

    static final String CSV_HEADER = "Cust ID,LTV($),signupDate,plan_tier,Email\n";

    @Test
    void the_llm_writes_descriptions_and_synonyms_from_metadata_without_seeing_personal_values() throws Exception {
        Path run = newRun();
        try (FakeOpenAiServer llm = FakeOpenAiServer.replaying("catalog-draft")) {
            CommandRun result = importWith(llm, run);

            assertThat(result.exit()).as(result.err()).isZero();
            Catalog catalog = new CatalogLoader().load(run.resolve("data/catalog"));
            FieldSpec ltv = catalog.field("ltv").orElseThrow();
            assertThat(ltv.description()).startsWith("Probably the customer's lifetime value in US dollars")
                    .contains("Written by LLM test-model: review.");
            assertThat(ltv.synonyms()).contains("customer value", "lifetime revenue", "clv", "lifetime value")
                    .noneMatch(s -> s.contains(";"));
            assertThat(catalog.field("plan_tier").orElseThrow().synonyms()).contains("subscription plan");
            // too short a description: the heuristic one stays; an unknown name adds nothing
            assertThat(catalog.field("signup_date").orElseThrow().description()).contains("Drafted from the data");
            assertThat(catalog.field("bogus_column")).isEmpty();

            RecordedRequest request = llm.request(0);
            assertThat(request.rawBody()).contains("LTV($)", "plan_tier", "personalData")
                    .doesNotContain("@shop.example", "u1@");
            assertThat(request.messages("system").get(0).path("content").asText())
                    .startsWith("You write the reviewed-catalog wording");
        }
    }

    @Test
    void a_failing_llm_endpoint_keeps_the_heuristic_draft_and_says_so() throws Exception {
        Path run = newRun();
        try (FakeOpenAiServer llm = FakeOpenAiServer.replaying("catalog-draft-down")) {
            CommandRun result = importWith(llm, run);

            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.out()).contains("warning: the LLM could not describe the imported columns");
            Catalog catalog = new CatalogLoader().load(run.resolve("data/catalog"));
            assertThat(catalog.field("ltv").orElseThrow().description()).contains("Drafted from the data");
        }
    }

    private static Path newRun() throws Exception {
        Path run = Path.of("target", "import-llm", "run-" + System.nanoTime());
        Files.createDirectories(run);
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        String[] plans = {"free", "basic", "pro"};
        for (int i = 1; i <= 40; i++) {
            csv.append(i).append(',').append(i * 12.5).append(",2024-0").append(1 + i % 9).append("-1").append(i % 10)
                    .append(',').append(plans[i % 3]).append(",u").append(i).append("@shop.example\n");
        }
        Files.writeString(run.resolve("customers.csv"), csv);
        return run;
    }

    /** The LLM is configured as a user would: by setting (here as system properties) segment.llm.*. */
    private static CommandRun importWith(FakeOpenAiServer llm, Path run) {
        System.setProperty("segment.llm.base-url", llm.baseUrl());
        System.setProperty("segment.llm.model", "test-model");
        System.setProperty("segment.llm.max-retries", "2");
        try {
            return CommandRun.of("import", "--customers", run.resolve("customers.csv").toString(),
                    "--id-column", "Cust ID", "--data-dir", run.resolve("data").toString(), "--quiet");
        } finally {
            System.clearProperty("segment.llm.base-url");
            System.clearProperty("segment.llm.model");
            System.clearProperty("segment.llm.max-retries");
        }
    }
}
