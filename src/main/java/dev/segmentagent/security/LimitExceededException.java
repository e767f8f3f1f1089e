package dev.segmentagent.security;

/**
 * A key went over one of its limits: the problem code, the limit it hit, and when a retry can succeed.
 * Leaves as 429 problem+json with a Retry-After header.
 */
public class LimitExceededException extends RuntimeException {

    private final String code;
    private final long limit;
    private final long retryAfterSeconds;

    public LimitExceededException(String code, long limit, long retryAfterSeconds, String detail) {
        super(detail);
        this.code = code;
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String code() {
        return code;
    }

    public long limit() {
        return limit;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
