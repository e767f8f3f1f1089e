package dev.segmentagent.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.time.Duration;

/**
 * Per-key request rates, after {@link ApiKeyFilter} has named the caller: every /api call counts against the
 * key's per-minute limit, and generate calls (which may spend LLM tokens) also against a smaller one. A refused
 * call gets 429 with the limit and when to retry, before any controller runs. Counting per key, not per address,
 * is what stops one integration from starving the others.
 */
@ServerFilter("/api/**")
class RateLimitFilter implements Ordered {

    private final RateLimiterRegistry requests;
    private final RateLimiterRegistry generates;

    RateLimitFilter(LimitsConfig limits) {
        this.requests = RateLimiterRegistry.of(perMinute(limits.requestsPerMinute()));
        this.generates = RateLimiterRegistry.of(perMinute(limits.generatePerMinute()));
    }

    private static RateLimiterConfig perMinute(int permits) {
        return RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO).build();
    }

    @RequestFilter
    void limit(HttpRequest<?> request) {
        Principal principal = request.getAttribute(ApiKeyFilter.PRINCIPAL, Principal.class).orElse(null);
        if (principal == null) {
            return; // refused by ApiKeyFilter already
        }
        take(requests.rateLimiter(principal.name()), "rate-limited", "requests");
        if (request.getMethodName().equals("POST") && request.getPath().startsWith("/api/segments/generate")) {
            take(generates.rateLimiter(principal.name()), "generate-rate-limited", "generate calls");
        }
    }

    private static void take(RateLimiter limiter, String code, String what) {
        if (!limiter.acquirePermission()) {
            long nanos = limiter instanceof io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter atomic
                    ? atomic.getDetailedMetrics().getNanosToWait() : Duration.ofMinutes(1).toNanos();
            long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
            int limit = limiter.getRateLimiterConfig().getLimitForPeriod();
            throw new LimitExceededException(code, limit, seconds, String.format(
                    "Key '%s' is limited to %d %s per minute; retry in %d s.", limiter.getName(), limit, what, seconds));
        }
    }

    @Override
    public int getOrder() {
        return ApiKeyFilter.ORDER + 100;
    }
}
