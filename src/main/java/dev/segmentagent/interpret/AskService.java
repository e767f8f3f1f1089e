package dev.segmentagent.interpret;

import dev.segmentagent.interpret.Interpretation.Answer;
import dev.segmentagent.interpret.Interpretation.Clarification;
import dev.segmentagent.interpret.Interpretation.Declined;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.PreparedDefinition;
import dev.segmentagent.preview.Preview;
import dev.segmentagent.preview.PreviewService;
import dev.segmentagent.segment.SegmentJson;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The one entry point from words to a previewed draft for every channel (REST, UI, Slack, CLI, eval): interpret
 * with the configured interpreter (the LLM agent when one is configured, else the offline planner), fall back to
 * the planner on a provider outage when allowed, then validate, explain and preview the answer.
 */
@Singleton
public class AskService {

    public static final int MAX_REQUEST_CHARS = 2000;
    static final int SAMPLE = 10;
    private static final Logger LOG = LoggerFactory.getLogger(AskService.class);

    private final RequestInterpreter primary;
    private final RequestInterpreter planner;
    private final DefinitionPipeline pipeline;
    private final PreviewService previews;
    private final boolean fallbackToOffline;

    AskService(RequestInterpreter primary, @Named(OfflinePlanner.NAME) RequestInterpreter planner,
               DefinitionPipeline pipeline, PreviewService previews,
               @Value("${segment.llm.fallback-to-offline:true}") boolean fallbackToOffline) {
        this.primary = primary;
        this.planner = planner;
        this.pipeline = pipeline;
        this.previews = previews;
        this.fallbackToOffline = fallbackToOffline;
    }

    /** The configured interpreter's name ("offline-planner" or the LLM model). */
    public String interpreterName() {
        return primary.name();
    }

    public AskResult ask(String request) {
        String text = request == null ? "" : request.strip();
        if (text.isEmpty()) {
            throw new AskRequestException("empty-request", 400, "Describe the customers you want, e.g. "
                    + "'customers who bought shoes in the last 90 days'.");
        }
        if (text.length() > MAX_REQUEST_CHARS) {
            throw new AskRequestException("request-too-long", 422, "The request has " + text.length()
                    + " characters; at most " + MAX_REQUEST_CHARS + " are accepted.");
        }
        long started = System.nanoTime();
        RequestInterpreter used = primary;
        String fallback = null;
        Interpretation interpretation;
        long tokens = 0;
        try {
            if (primary instanceof MeasuredInterpreter measured) {
                MeasuredInterpreter.Measured result = measured.interpretMeasured(text);
                interpretation = result.interpretation();
                tokens = result.usage().totalTokens();
            } else {
                interpretation = primary.interpret(text);
            }
        } catch (InterpreterFailureException e) {
            if (!e.fallbackAllowed() || !fallbackToOffline || primary == planner) {
                LOG.info("ask interpreter={} failed code={} latencyMs={}", primary.name(), e.code(),
                        millis(started));
                throw e;
            }
            used = planner;
            fallback = primary.name() + " failed (" + e.code() + ": " + e.getMessage()
                    + "); answered by the offline planner";
            interpretation = planner.interpret(text);
        }
        AskResult result = result(text, used.name(), interpretation, fallback, millis(started), tokens);
        LOG.info("ask interpreter={} kind={} latencyMs={} tokens={}{}", used.name(), result.kind(),
                result.latencyMillis(), tokens, fallback == null ? "" : " fallback=true");
        return result;
    }

    /** Interpretation to result; an answer is validated (a rejected one throws) and previewed. */
    private AskResult result(String request, String interpreter, Interpretation interpretation, String fallback,
                             long interpretMillis, long tokens) {
        if (interpretation instanceof Answer answer) {
            long started = System.nanoTime();
            PreparedDefinition prepared = pipeline.prepare(answer.definition(), null, null);
            Preview preview = previews.preview(prepared, SAMPLE);
            AskResult.Draft draft = new AskResult.Draft(answer.definition().name(), describe(answer),
                    SegmentJson.toTree(answer.definition()), request);
            return new AskResult(request, interpreter, "answer", draft, preview.explanation(), answer.fields(),
                    answer.assumptions(), answer.rationale(), preview, prepared.validation().warnings(), null,
                    List.of(), null, List.of(), fallback, interpretMillis + millis(started), tokens);
        }
        if (interpretation instanceof Clarification c) {
            return new AskResult(request, interpreter, "clarification", null, null, List.of(), List.of(), null,
                    null, List.of(), c.question(), c.options(), null, List.of(), fallback, interpretMillis, tokens);
        }
        Declined d = (Declined) interpretation;
        return new AskResult(request, interpreter, "declined", null, null, List.of(), List.of(), null, null,
                List.of(), null, List.of(), d.reason(), d.suggestions(), fallback, interpretMillis, tokens);
    }

    private static String describe(Answer answer) {
        String description = answer.definition().description();
        if (answer.assumptions().isEmpty()) {
            return description;
        }
        String full = description + " (assumed: " + String.join("; ", answer.assumptions()) + ")";
        return full.length() > 2000 ? full.substring(0, 1997) + "..." : full;
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
