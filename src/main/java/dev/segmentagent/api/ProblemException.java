package dev.segmentagent.api;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** Thrown by application services and controllers to leave as a specific problem+json response. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Stage stage;
    private final List<?> issues;

    public ProblemException(HttpStatus status, String code, Stage stage, String detail) {
        this(status, code, stage, detail, List.of(), null);
    }

    public ProblemException(HttpStatus status, String code, Stage stage, String detail, List<?> issues,
                            Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.code = code;
        this.stage = stage;
        this.issues = issues == null ? List.of() : List.copyOf(issues);
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, code, Stage.REQUEST, detail);
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, Stage.REQUEST, detail);
    }

    public HttpStatus status() { return status; }
    public String code() { return code; }
    public Stage stage() { return stage; }
    public List<?> issues() { return issues; }
}
