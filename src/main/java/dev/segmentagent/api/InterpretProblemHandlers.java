package dev.segmentagent.api;

import dev.segmentagent.interpret.AskRequestException;
import dev.segmentagent.interpret.InterpreterFailureException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Problems of turning words into a definition: an unusable request text, or an interpreter that failed. */
final class InterpretProblemHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(InterpretProblemHandlers.class);

    private InterpretProblemHandlers() {
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class InterpreterFailed implements ExceptionHandler<InterpreterFailureException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InterpreterFailureException e) {
            LOG.warn("interpreter failed for {}: {} ({})", request.getPath(), e.code(), e.getMessage());
            return DomainProblemHandlers.respond(request, status(e.httpStatus(), HttpStatus.BAD_GATEWAY), e.code(),
                    Stage.INTERPRET, e.getMessage(), List.of());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class BadAskRequest implements ExceptionHandler<AskRequestException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, AskRequestException e) {
            return DomainProblemHandlers.respond(request, status(e.httpStatus(), HttpStatus.BAD_REQUEST), e.code(),
                    Stage.REQUEST, e.getMessage(), List.of());
        }
    }

    private static HttpStatus status(int code, HttpStatus otherwise) {
        try {
            return HttpStatus.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            return otherwise;
        }
    }
}
