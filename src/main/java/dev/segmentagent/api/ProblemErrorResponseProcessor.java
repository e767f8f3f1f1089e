package dev.segmentagent.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders the framework's own errors (unknown route, malformed JSON body, wrong method, missing parameter)
 * as problem+json too, so a client handles one error shape everywhere.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (detail.isBlank()) {
            detail = status.getReason();
        }
        detail = ClientSafeDetail.of(detail);
        String code = status.getReason().toLowerCase(Locale.ROOT).replace(' ', '-');
        Problem problem = Problem.of(status.getCode(), status.getReason(), code, Stage.REQUEST, detail,
                context.getRequest().getPath(), List.of());
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }
}
