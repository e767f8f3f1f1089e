package dev.segmentagent.interpret.llm;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.catalog.FieldSearch;
import dev.segmentagent.interpret.EmbeddingFieldIndex;
import dev.segmentagent.interpret.HybridFieldRetriever;
import dev.segmentagent.interpret.InterpretationUsage;
import dev.segmentagent.interpret.InterpreterFailureException;
import dev.segmentagent.interpret.OfflinePlanner;
import dev.segmentagent.interpret.ScoredField;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreviewService;
import dev.segmentagent.warehouse.WarehouseConfig;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the real LLM agent ({@link LlmInterpreter} with the real langchain4j-open-ai client and tools) over a
 * list of requests with the catalog of the caller's choosing behind schema linking, and returns the token
 * usage of each request. With an endpoint configured ({@code segment.llm.base-url}) the usage is what that
 * endpoint reports; otherwise the agent talks to a {@link LoopbackAgentEndpoint}, which counts the tokens of
 * the requests actually sent with the o200k tokenizer. The result says which.
 */
@Singleton
public class AgentTokenProbe {

    /** Where the figures come from. */
    public enum Source { ENDPOINT, LOOPBACK_TOKENIZER }

    /**
     * @param requests usage per request that got an interpretation; failures are counted apart
     * @param calls    with the loopback endpoint, [prompt, completion] tokens of each model call; else empty
     */
    public record Run(Source source, String endpoint, String model, int catalogFields, List<InterpretationUsage> requests,
                      List<int[]> calls, List<String> failures) {}

    private final CatalogService catalogs;
    private final FieldCards cards;
    private final HybridFieldRetriever serviceRetriever;
    private final DefinitionPipeline pipeline;
    private final PreviewService previews;
    private final WarehouseFacts facts;
    private final OfflinePlanner planner;
    private final EmbeddingModel embeddings;
    private final WarehouseConfig data;
    private final LlmConfig configured;

    AgentTokenProbe(CatalogService catalogs, FieldCards cards, HybridFieldRetriever serviceRetriever,
                    DefinitionPipeline pipeline, PreviewService previews, WarehouseFacts facts, OfflinePlanner planner,
                    EmbeddingModel embeddings, WarehouseConfig data, @Nullable LlmConfig configured) {
        this.catalogs = catalogs;
        this.cards = cards;
        this.serviceRetriever = serviceRetriever;
        this.pipeline = pipeline;
        this.previews = previews;
        this.facts = facts;
        this.planner = planner;
        this.embeddings = embeddings;
        this.data = data;
        this.configured = configured;
    }

    /** The service's own catalog, which the agent's examples and validation use. */
    public Catalog serviceCatalog() {
        return catalogs.catalog();
    }

    public Run run(Catalog catalog, List<String> requests) {
        HybridFieldRetriever retriever = catalog == catalogs.catalog() ? serviceRetriever : retrieverOver(catalog);
        if (configured != null) {
            return run(configured, retriever, catalog, requests, Source.ENDPOINT, null);
        }
        // the offline planner plays the model's part: its definitions are valid, so every request ends in one answer
        try (LoopbackAgentEndpoint loopback = LoopbackAgentEndpoint.start(planner::interpret)) {
            LlmConfig config = LlmConfig.of(loopback.baseUrl(), "loopback", LoopbackAgentEndpoint.TOKENIZER_MODEL)
                    .withMaxRetries(0);
            return run(config, retriever, catalog, requests, Source.LOOPBACK_TOKENIZER, loopback);
        }
    }

    private Run run(LlmConfig config, HybridFieldRetriever retriever, Catalog catalog, List<String> requests,
                    Source source, LoopbackAgentEndpoint loopback) {
        AgentTools tools = new AgentTools(catalogs, cards, retriever, pipeline, previews);
        LlmInterpreter agent = new LlmInterpreter(config, tools, retriever, catalogs, cards, pipeline, facts);
        List<InterpretationUsage> usages = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String request : requests) {
            try {
                usages.add(agent.interpretMeasured(request).usage());
            } catch (InterpreterFailureException e) {
                failures.add(request + ": " + e.code());
            }
        }
        return new Run(source, source == Source.ENDPOINT ? config.baseUrl() : "loopback (in process)", config.model(),
                catalog.fields().size(), usages, loopback == null ? List.of() : loopback.calls(), failures);
    }

    /** Schema linking over another catalog, built as the service builds its own (vectors cached in the data folder). */
    private HybridFieldRetriever retrieverOver(Catalog catalog) {
        EmbeddingFieldIndex index = EmbeddingFieldIndex.build(catalog, embeddings, Path.of(data.dir()).resolve("field-vectors"));
        FieldSearch keywords = FieldSearch.keywords(catalog);
        return new HybridFieldRetriever(index, (query, k) -> keywords.search(query, k).stream()
                .map(hit -> new ScoredField(hit.field(), hit.score())).toList());
    }
}
