package dev.segmentagent.sqlgen;

/** A statement failed {@link SqlPolicy}: it is not run. */
public class PolicyViolationException extends RuntimeException {

    private final String reason;

    public PolicyViolationException(String reason) {
        super("SQL policy violation: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
