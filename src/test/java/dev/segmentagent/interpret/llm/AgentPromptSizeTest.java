package dev.segmentagent.interpret.llm;

import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.catalog.FieldSearch;
import dev.segmentagent.interpret.EmbeddingFieldIndex;
import dev.segmentagent.interpret.HybridFieldRetriever;
import dev.segmentagent.interpret.ScoredField;
import dev.segmentagent.interpret.WidenedCatalogs;
import dev.segmentagent.interpret.fake.FakeOpenAiServer;
import dev.segmentagent.interpret.fake.RecordedRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema linking keeps the prompt flat as the catalog grows: the same requests against the real 128-field
 * catalog and against it widened to 500 fields with look-alike distractors. Tokens are counted on the
 * requests the real client sent (all messages plus the tool definitions) with the o200k tokenizer of
 * gpt-4o-mini, offline. Prints the figures for the README.
 */
@MicronautTest
@Property(name = "segment.llm.base-url", value = "http://127.0.0.1:9/v1")
class AgentPromptSizeTest {

    /** Tokens of the first request of an interpretation (tool rounds and repairs add to it). */
    static final int TOKEN_BOUND = 10_000;

    static final List<String> REQUESTS = List.of(
            "high-value customers whose engagement is slipping",
            "people who send back a lot of what they order",
            "customers likely to churn who used to buy a lot",
            "window shoppers who look at products but never buy",
            "weekend shoppers in Germany or France");

    private static final OpenAiTokenCountEstimator TOKENS = new OpenAiTokenCountEstimator("gpt-4o-mini");

    @Inject
    ApplicationContext context;

    @Inject
    CatalogService catalogs;

    @Inject
    HybridFieldRetriever realCatalogRetriever;

    record Sent(List<Integer> tokens, List<String> systemPrompts, List<Integer> candidates) {}

    private Sent run(HybridFieldRetriever retriever) {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            REQUESTS.forEach(r -> server.enqueueScenario("agent-simple-answer"));
            LlmInterpreter agent = new AgentTestBeans(context).interpreter(
                    LlmConfig.of(server.baseUrl(), "k", "gpt-4o-mini").withMaxRetries(0), retriever);
            REQUESTS.forEach(agent::interpret);
            List<Integer> tokens = new ArrayList<>();
            List<String> systems = new ArrayList<>();
            List<Integer> candidates = new ArrayList<>();
            for (RecordedRequest sent : server.requests()) {
                String messages = String.join("\n", sent.messages().stream().map(m -> m.path("content").asText("")).toList());
                tokens.add(TOKENS.estimateTokenCountInText(messages)
                        + TOKENS.estimateTokenCountInText(sent.body().path("tools").toString()));
                systems.add(sent.messages("system").get(0).path("content").asText());
                candidates.add((int) sent.messages("user").get(0).path("content").asText().lines()
                        .filter(l -> l.startsWith("{\"field\":")).count());
            }
            return new Sent(tokens, systems, candidates);
        }
    }

    private HybridFieldRetriever retrieverOver(Catalog catalog) {
        EmbeddingFieldIndex index = EmbeddingFieldIndex.build(catalog, WidenedCatalogs.embeddingModel());
        FieldSearch keywords = FieldSearch.keywords(catalog);
        return new HybridFieldRetriever(index, (query, k) -> keywords.search(query, k).stream()
                .map(hit -> new ScoredField(hit.field(), hit.score())).toList());
    }

    @Test
    void given_the_catalog_widened_from_128_to_500_fields_when_the_agent_is_asked_then_prompt_tokens_stay_bounded() {
        Catalog real = catalogs.catalog();
        Catalog wide = WidenedCatalogs.widen(real, 500, 20_261_130L);
        assertThat(real.fields()).hasSize(128);
        assertThat(wide.fields()).hasSize(500);

        Sent at128 = run(realCatalogRetriever);
        Sent at500 = run(retrieverOver(wide));

        IntSummaryStatistics small = at128.tokens().stream().mapToInt(Integer::intValue).summaryStatistics();
        IntSummaryStatistics large = at500.tokens().stream().mapToInt(Integer::intValue).summaryStatistics();
        System.out.printf("agent prompt tokens per request (o200k, first call, %d requests): 128 fields mean %.0f max %d;"
                + " 500 fields mean %.0f max %d; system prompt %d tokens%n", REQUESTS.size(), small.getAverage(),
                small.getMax(), large.getAverage(), large.getMax(), TOKENS.estimateTokenCountInText(at128.systemPrompts().get(0)));

        // The system prompt does not depend on the number of fields at all; the user message holds 25 fields.
        assertThat(at500.systemPrompts()).containsOnly(at128.systemPrompts().get(0));
        assertThat(at128.candidates()).containsOnly(25);
        assertThat(at500.candidates()).containsOnly(25);
        assertThat(large.getMax()).isLessThanOrEqualTo(TOKEN_BOUND);
        assertThat(small.getMax()).isLessThanOrEqualTo(TOKEN_BOUND);
        // 3.9x the fields, at most 15% more tokens (field cards differ in length, their number does not).
        assertThat(large.getAverage()).isLessThanOrEqualTo(small.getAverage() * 1.15);
    }
}
