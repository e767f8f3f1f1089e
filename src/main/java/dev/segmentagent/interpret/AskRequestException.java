package dev.segmentagent.interpret;

/** The request text itself is unusable (empty, too long): nothing was interpreted. */
public class AskRequestException extends RuntimeException {

    private final String code;
    private final int httpStatus;

    public AskRequestException(String code, int httpStatus, String detail) {
        super(detail);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
