package dev.segmentagent.security;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The daily LLM token budget of each key, kept in the metadata store so that a restart does not refill it. A
 * generate call is admitted only while the day's remaining tokens cover a whole per-request budget; what it
 * actually spent is added afterwards.
 */
@Singleton
public class TokenBudget {

    private final TokenUsageRepository usage;
    private final LimitsConfig limits;
    private final Clock clock;

    TokenBudget(TokenUsageRepository usage, LimitsConfig limits, Clock clock) {
        this.usage = usage;
        this.limits = limits;
        this.clock = clock;
    }

    /** Throws {@link LimitExceededException} (token-budget-exceeded) when the key's day cannot fit one more call. */
    public void admit(String keyName) {
        long used = spentToday(keyName);
        if (used + limits.tokensPerRequest() > limits.tokensPerDay()) {
            throw new LimitExceededException("token-budget-exceeded", limits.tokensPerDay(), secondsToMidnight(),
                    String.format("Key '%s' has spent %,d of its %,d LLM tokens today (UTC) and a request may spend "
                                    + "up to %,d; the budget refills at midnight UTC.", keyName, used,
                            limits.tokensPerDay(), limits.tokensPerRequest()));
        }
    }

    /** Records what one call spent (0 for the offline planner: the call still counts as a request). */
    public void record(String keyName, long tokens) {
        LocalDate day = today();
        String id = TokenUsageRecord.id(keyName, day);
        if (usage.add(id, tokens) == 0) {
            try {
                usage.save(new TokenUsageRecord(id, keyName, day, tokens, 1));
            } catch (DataAccessException raced) {
                usage.add(id, tokens); // another call of the same key created today's row first
            }
        }
    }

    public long spentToday(String keyName) {
        return usage.findById(TokenUsageRecord.id(keyName, today())).map(TokenUsageRecord::tokens).orElse(0L);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private long secondsToMidnight() {
        return Math.max(1, Duration.between(clock.instant(),
                today().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)).toSeconds());
    }
}
