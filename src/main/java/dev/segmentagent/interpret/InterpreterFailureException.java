package dev.segmentagent.interpret;

/**
 * An interpreter could not produce any {@link Interpretation}: the LLM endpoint timed out, rate-limited us,
 * was unreachable, or kept answering with something that is not a definition even after repair. Carries a
 * stable problem code and the HTTP status the API reports, so every channel tells the user the same thing.
 * {@code fallbackAllowed} says whether the offline planner may answer instead (provider outages: yes;
 * a request the model understood but could not express validly: no, the planner would only guess).
 */
public class InterpreterFailureException extends RuntimeException {

    private final String code;
    private final int httpStatus;
    private final boolean fallbackAllowed;

    public InterpreterFailureException(String code, int httpStatus, boolean fallbackAllowed, String detail,
                                       Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.httpStatus = httpStatus;
        this.fallbackAllowed = fallbackAllowed;
    }

    /** e.g. llm-timeout, llm-rate-limited, llm-unavailable, llm-bad-output, interpretation-failed */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean fallbackAllowed() {
        return fallbackAllowed;
    }
}
