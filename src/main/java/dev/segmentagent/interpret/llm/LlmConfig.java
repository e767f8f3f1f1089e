package dev.segmentagent.interpret.llm;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * The LLM endpoint the agent talks to. Any OpenAI-compatible chat-completions endpoint works: OpenAI
 * ({@code https://api.openai.com/v1}), Ollama ({@code http://localhost:11434/v1}), vLLM
 * ({@code http://host:8000/v1}). Only read when a base URL is set; otherwise the offline planner answers.
 *
 * @param baseUrl              the endpoint up to and including {@code /v1}
 * @param apiKey               sent as a bearer token; Ollama and vLLM accept any value, so it may be blank
 * @param model                the model name, reported with every answer
 * @param timeout              per HTTP call to the endpoint
 * @param maxRetries           client retries (with backoff) of a rate-limited, timed-out or failed call
 * @param maxRepairAttempts    how many times invalid output goes back to the model with the issues
 * @param temperature          0 for reproducible answers
 * @param maxTokensPerRequest  budget of prompt + completion tokens over all calls of one interpretation
 *                             (tool rounds and repairs included): a model that wanders stops here
 * @param maxOutputTokens      completion tokens per call
 * @param candidateFields      how many retrieved fields the user message carries; the rest come by tool
 * @param maxToolCalls         tool-calling round trips per model turn, so a looping model cannot run forever
 * @param jsonMode             ask for {@code response_format: json_object} (OpenAI, Ollama and vLLM support it)
 */
@ConfigurationProperties("segment.llm")
@Requires(property = "segment.llm.base-url", pattern = "https?://.+")
public record LlmConfig(
        @NotBlank @Pattern(regexp = "https?://.+") String baseUrl,
        @Nullable String apiKey,
        @Bindable(defaultValue = "gpt-4o-mini") @NotBlank String model,
        @Bindable(defaultValue = "60s") @NotNull Duration timeout,
        @Bindable(defaultValue = "2") @Min(0) @Max(10) int maxRetries,
        @Bindable(defaultValue = "3") @Min(0) @Max(10) int maxRepairAttempts,
        @Bindable(defaultValue = "0") @DecimalMin("0") @DecimalMax("2") double temperature,
        @Bindable(defaultValue = "40000") @Min(1000) int maxTokensPerRequest,
        @Bindable(defaultValue = "2000") @Min(100) int maxOutputTokens,
        @Bindable(defaultValue = "25") @Min(5) @Max(100) int candidateFields,
        @Bindable(defaultValue = "12") @Min(1) @Max(50) int maxToolCalls,
        @Bindable(defaultValue = "true") boolean jsonMode) {

    /** The key to send: Ollama and vLLM ignore it, but the client wants one. */
    public String effectiveApiKey() {
        return apiKey == null || apiKey.isBlank() ? "not-needed" : apiKey;
    }

    /** A config for tests and tools that build the agent by hand, with the documented defaults. */
    public static LlmConfig of(String baseUrl, String apiKey, String model) {
        return new LlmConfig(baseUrl, apiKey, model, Duration.ofSeconds(60), 2, 3, 0.0, 40_000, 2000, 25, 12, true);
    }

    public LlmConfig withTimeout(Duration value) {
        return new LlmConfig(baseUrl, apiKey, model, value, maxRetries, maxRepairAttempts, temperature,
                maxTokensPerRequest, maxOutputTokens, candidateFields, maxToolCalls, jsonMode);
    }

    public LlmConfig withMaxRetries(int value) {
        return new LlmConfig(baseUrl, apiKey, model, timeout, value, maxRepairAttempts, temperature,
                maxTokensPerRequest, maxOutputTokens, candidateFields, maxToolCalls, jsonMode);
    }

    public LlmConfig withMaxRepairAttempts(int value) {
        return new LlmConfig(baseUrl, apiKey, model, timeout, maxRetries, value, temperature,
                maxTokensPerRequest, maxOutputTokens, candidateFields, maxToolCalls, jsonMode);
    }

    public LlmConfig withCandidateFields(int value) {
        return new LlmConfig(baseUrl, apiKey, model, timeout, maxRetries, maxRepairAttempts, temperature,
                maxTokensPerRequest, maxOutputTokens, value, maxToolCalls, jsonMode);
    }
}
