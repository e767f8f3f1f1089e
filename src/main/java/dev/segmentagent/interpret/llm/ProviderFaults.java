package dev.segmentagent.interpret.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.segmentagent.interpret.InterpreterFailureException;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.function.Predicate;

/**
 * Turns what the OpenAI client throws into the service's failure codes. The client has already retried
 * (with backoff, {@code max-retries} times) when this runs, so every fault here is final for the request.
 * All of them let the offline planner answer instead: the endpoint failed, not the request.
 */
final class ProviderFaults {

    private ProviderFaults() {
    }

    static InterpreterFailureException map(RuntimeException e, LlmConfig config) {
        String endpoint = config.baseUrl() + " (" + config.model() + ")";
        if (inChain(e, c -> c instanceof RateLimitException || c instanceof HttpException h && h.statusCode() == 429)) {
            return failure("llm-rate-limited", 503, "the LLM endpoint " + endpoint + " kept rate-limiting after "
                    + config.maxRetries() + " retries", e);
        }
        if (inChain(e, c -> c instanceof TimeoutException || c instanceof HttpTimeoutException
                || c instanceof SocketTimeoutException)) {
            return failure("llm-timeout", 504, "the LLM endpoint " + endpoint + " did not answer within "
                    + config.timeout().toMillis() + " ms", e);
        }
        // langchain4j's guard against a model that calls tools forever: a plain RuntimeException, known by its text.
        if (inChain(e, c -> c.getMessage() != null && c.getMessage().contains("maxToolCallingRoundTrips"))) {
            return failure("llm-bad-output", 502, "the model kept calling tools without answering (more than "
                    + config.maxToolCalls() + " rounds)", e);
        }
        if (inChain(e, c -> c instanceof JsonProcessingException)) {
            return failure("llm-bad-output", 502, "the LLM endpoint " + endpoint
                    + " sent a response that is not valid JSON", e);
        }
        if (inChain(e, c -> c instanceof AuthenticationException)) {
            return failure("llm-unavailable", 502, "the LLM endpoint " + endpoint
                    + " refused the API key (check segment.llm.api-key)", e);
        }
        if (inChain(e, c -> c instanceof ModelNotFoundException)) {
            return failure("llm-unavailable", 502, "the LLM endpoint " + endpoint
                    + " does not serve this model (check segment.llm.model)", e);
        }
        if (inChain(e, c -> c instanceof InternalServerException || c instanceof HttpException)) {
            return failure("llm-unavailable", 502, "the LLM endpoint " + endpoint + " failed: " + firstLine(e), e);
        }
        return failure("llm-unavailable", 502, "the LLM endpoint " + endpoint + " could not be reached: "
                + firstLine(e), e);
    }

    private static InterpreterFailureException failure(String code, int status, String detail, Throwable cause) {
        return new InterpreterFailureException(code, status, true, detail, cause);
    }

    private static boolean inChain(Throwable e, Predicate<Throwable> test) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (test.test(c)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
