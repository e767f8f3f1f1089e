package dev.segmentagent.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Renders the framework's own errors (unknown route, malformed JSON body, wrong method, missing parameter)
 * as problem+json too, so a client handles one error shape everywhere.
 *
 * <p>A 5xx here is an error no domain handler knew: its message is internal (class names, SQL, paths), so the
 * client gets an incident id instead, and the log gets the same id with the cause, for an operator to match.
 * Before, such errors went through the body-binding rewrite and told the client its request body was malformed.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String code = status.getReason().toLowerCase(Locale.ROOT).replace(' ', '-');
        String path = context.getRequest().getPath();
        String detail;
        if (status.getCode() >= 500) {
            String incident = UUID.randomUUID().toString();
            LOG.error("incident {}: unhandled error on {} {}", incident, context.getRequest().getMethodName(), path,
                    context.getRootCause().orElse(null));
            detail = "An unexpected error occurred. Incident " + incident + " is in the service log with its cause.";
        } else {
            detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
            detail = ClientSafeDetail.of(detail.isBlank() ? status.getReason() : detail);
        }
        Problem problem = Problem.of(status.getCode(), status.getReason(), code, Stage.REQUEST, detail, path, List.of());
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }
}
