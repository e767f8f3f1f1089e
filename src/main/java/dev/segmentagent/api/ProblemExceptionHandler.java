package dev.segmentagent.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces(Problem.MEDIA_TYPE)
@Singleton
class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
        Problem problem = Problem.of(e.status().getCode(), e.status().getReason(), e.code(), e.stage(),
                e.getMessage(), request.getPath(), e.issues());
        return HttpResponse.<Problem>status(e.status()).contentType(Problem.MEDIA_TYPE).body(problem);
    }
}
