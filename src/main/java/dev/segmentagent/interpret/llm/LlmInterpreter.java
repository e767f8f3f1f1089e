package dev.segmentagent.interpret.llm;

import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.interpret.HybridFieldRetriever;
import dev.segmentagent.interpret.InterpretationUsage;
import dev.segmentagent.interpret.InterpreterFailureException;
import dev.segmentagent.interpret.MeasuredInterpreter;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The LLM agent: schema linking (the request's top candidate fields go into the prompt, the rest of the
 * catalog is reachable through {@link AgentTools}), one model turn with tools, then a repair loop that sends
 * parse and validation problems (with the validator's closest-name suggestions) back to the model up to
 * {@code max-repair-attempts} times. Replaces the offline planner whenever a base URL is configured.
 *
 * <p>Failure codes: a definition still invalid after every repair is {@code interpretation-failed} (422, no
 * fallback: the planner would only guess); output that never becomes a JSON answer is {@code llm-bad-output};
 * endpoint faults are mapped by {@link ProviderFaults}. Those last ones allow the planner to answer instead.
 * Token usage, calls, tools and latency are returned with each answer ({@link Measured}) and logged.
 */
@Singleton
@Primary
@Requires(property = "segment.llm.base-url", pattern = "https?://.+")
public class LlmInterpreter implements MeasuredInterpreter {

    private static final Logger LOG = LoggerFactory.getLogger(LlmInterpreter.class);
    /** Messages one conversation keeps: the system prompt, tool rounds and a few repair turns. */
    private static final int MEMORY_MESSAGES = 100;

    private final LlmConfig config;
    private final SegmentAgent agent;
    private final HybridFieldRetriever retriever;
    private final FieldCards cards;
    private final WarehouseFacts facts;
    private final PromptLibrary prompts;
    private final ReplyReader replies;

    LlmInterpreter(LlmConfig config, AgentTools tools, HybridFieldRetriever retriever, CatalogService catalogs,
                   FieldCards cards, DefinitionPipeline pipeline, WarehouseFacts facts) {
        this.config = config;
        this.retriever = retriever;
        this.cards = cards;
        this.facts = facts;
        this.prompts = new PromptLibrary(catalogs.catalog());
        this.replies = new ReplyReader(definition -> pipeline.validate(definition, null));
        this.agent = AiServices.builder(SegmentAgent.class)
                .chatModel(chatModel(config))
                .tools(tools)
                .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(MEMORY_MESSAGES).build())
                .maxToolCallingRoundTrips(config.maxToolCalls())
                // A model that calls a tool we do not have is told so, instead of failing the request.
                .hallucinatedToolNameStrategy(call -> ToolExecutionResultMessage.from(call,
                        "error: no tool named '" + call.name() + "'; the tools are searchFields, describeField, "
                                + "sampleValues, countMembers and listModels"))
                .build();
    }

    static ChatModel chatModel(LlmConfig config) {
        return ChatModels.of(config);
    }

    @Override
    public String name() {
        return config.model();
    }

    @Override
    public Measured interpretMeasured(String request) {
        Run run = new Run();
        String conversation = UUID.randomUUID().toString();
        String outcome = "failed";
        try {
            Result<String> result = agent.interpret(conversation, request,
                    facts.asOf().atZone(ZoneOffset.UTC).toLocalDate().toString(), candidates(request),
                    prompts.schema(), prompts.vocabulary(), prompts.examples());
            run.add(result);
            for (int attempt = 1; ; attempt++) {
                ReplyReader.Reply reply = replies.read(result.content());
                if (reply instanceof ReplyReader.Reply.Usable usable) {
                    outcome = usable.interpretation().getClass().getSimpleName();
                    return new Measured(usable.interpretation(), run.usage());
                }
                ReplyReader.Reply.Unusable problem = (ReplyReader.Reply.Unusable) reply;
                run.tried(problem);
                if (attempt > config.maxRepairAttempts() || run.tokens() >= config.maxTokensPerRequest()) {
                    throw run.givenUp(problem, config);
                }
                run.repairs++;
                result = agent.repair(conversation, String.join("\n", problem.problems().stream()
                        .map(p -> "- " + p).toList()), attempt, config.maxRepairAttempts());
                run.add(result);
            }
        } catch (InterpreterFailureException e) {
            outcome = e.code();
            throw e;
        } catch (RuntimeException e) {
            InterpreterFailureException failure = ProviderFaults.map(e, config);
            outcome = failure.code();
            throw failure;
        } finally {
            agent.evictChatMemory(conversation);
            InterpretationUsage usage = run.usage();
            LOG.info("llm {}: {} in {} ms, {} calls, {} prompt + {} completion tokens, {} repairs, tools {}",
                    config.model(), outcome, usage.millis(), usage.llmCalls(), usage.promptTokens(),
                    usage.completionTokens(), usage.repairs(), usage.toolsCalled());
        }
    }

    /** The request's top candidate fields as one compact JSON object per line. */
    String candidates(String request) {
        return retriever.candidates(request, config.candidateFields() * 2).stream()
                .filter(FieldCards::visible)
                .limit(config.candidateFields())
                .map(cards::card)
                .map(PromptLibrary::json)
                .collect(Collectors.joining("\n"));
    }

    /** Tokens, calls, tools and what went wrong, for one request. Confined to the request's thread. */
    private static final class Run {
        private final long started = System.nanoTime();
        private long promptTokens;
        private long completionTokens;
        private int calls;
        private int repairs;
        private final List<String> tools = new ArrayList<>();
        private final List<String> attempts = new ArrayList<>();

        void add(Result<?> result) {
            TokenUsage usage = result.tokenUsage();
            if (usage != null) {
                promptTokens += usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
                completionTokens += usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
            }
            calls += (result.intermediateResponses() == null ? 0 : result.intermediateResponses().size()) + 1;
            if (result.toolExecutions() != null) {
                result.toolExecutions().forEach(t -> tools.add(t.request().name()));
            }
        }

        long tokens() {
            return promptTokens + completionTokens;
        }

        void tried(ReplyReader.Reply.Unusable problem) {
            attempts.add("attempt " + (attempts.size() + 1) + ": " + String.join("; ", problem.problems()));
        }

        InterpreterFailureException givenUp(ReplyReader.Reply.Unusable last, LlmConfig config) {
            String why = tokens() >= config.maxTokensPerRequest()
                    ? "the token budget of " + config.maxTokensPerRequest() + " was spent (" + tokens() + " tokens)"
                    : "after " + repairs + " repair rounds";
            String detail = "the model's answer was still unusable " + why + ". What was tried: "
                    + String.join(" | ", attempts);
            if (last.kind() == ReplyReader.Kind.INVALID_DEFINITION) {
                return new InterpreterFailureException("interpretation-failed", 422, false, detail, null);
            }
            return new InterpreterFailureException("llm-bad-output", 502, true, detail, null);
        }

        InterpretationUsage usage() {
            return new InterpretationUsage(promptTokens, completionTokens, calls, repairs, tools,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
