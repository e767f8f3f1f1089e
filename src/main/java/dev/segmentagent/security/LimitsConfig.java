package dev.segmentagent.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * Per-key limits. Request bodies are capped separately by {@code micronaut.server.max-request-size} (1 MB,
 * 413) and definitions by the validator (64 KiB, depth 12, 200 nodes; 422).
 *
 * @param requestsPerMinute every /api call of one key
 * @param generatePerMinute {@code POST /api/segments/generate} calls of one key: each may spend LLM tokens
 * @param tokensPerRequest  the most tokens one generate call may spend; a call is admitted only while the day's
 *                          remaining budget covers it, so the daily budget cannot be overrun by one call
 * @param tokensPerDay      LLM tokens one key may spend per UTC day, persisted in the metadata store
 */
@ConfigurationProperties("segment.limits")
public record LimitsConfig(@Bindable(defaultValue = "600") @Min(1) int requestsPerMinute,
                           @Bindable(defaultValue = "30") @Min(1) int generatePerMinute,
                           @Bindable(defaultValue = "30000") @Min(0) long tokensPerRequest,
                           @Bindable(defaultValue = "500000") @Min(0) long tokensPerDay) {
}
