package dev.segmentagent.api;

import dev.segmentagent.live.SegmentNotFoundException;
import dev.segmentagent.preview.DefinitionRejectedException;
import dev.segmentagent.security.LimitExceededException;
import dev.segmentagent.segment.DefinitionFormatException;
import dev.segmentagent.sqlgen.PolicyViolationException;
import dev.segmentagent.sqlgen.SegmentCompileException;
import dev.segmentagent.warehouse.DiskFull;
import dev.segmentagent.warehouse.WarehouseException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps each domain failure to its problem+json: the HTTP status, a stable code and the stage that failed.
 * One small handler per exception type, since Micronaut picks the most specific handler.
 */
final class DomainProblemHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(DomainProblemHandlers.class);

    private DomainProblemHandlers() {
    }

    /**
     * 507 with code disk-full: every write is one transaction, so the request changed nothing; the client may
     * retry once space is freed. An import reports stage import whichever store ran out first.
     */
    static HttpResponse<Problem> diskFull(HttpRequest<?> request, Stage stage) {
        Stage where = request.getPath().startsWith("/api/imports") ? Stage.IMPORT : stage;
        return respond(request, HttpStatus.INSUFFICIENT_STORAGE, "disk-full", where,
                "the disk holding the data folder is full: the request was not applied and the previous data is "
                        + "unchanged; free space there and retry", List.of());
    }

    /**
     * The metadata store failed (segments, runs, keys): a full disk is said as such (507); anything else is a 503
     * without the store's own message, which can quote SQL.
     */
    static HttpResponse<Problem> storeFailed(HttpRequest<?> request, RuntimeException e, String what, String detail) {
        LOG.warn("metadata store {} for {}", what, request.getPath(), e);
        if (DiskFull.in(e)) {
            return diskFull(request, Stage.STORE);
        }
        return respond(request, HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", Stage.STORE, detail, List.of());
    }

    /** A statement on the metadata store failed. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class StoreFailed implements ExceptionHandler<io.micronaut.data.exceptions.DataAccessException,
            HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, io.micronaut.data.exceptions.DataAccessException e) {
            return storeFailed(request, e, "failure", "the metadata store failed (details in the service log)");
        }
    }

    /**
     * A transaction on the metadata store could not start or finish, e.g. the embedded H2 closed itself after a
     * failed write on a full disk and a pooled connection still points at it: 503, which a client retries; the
     * pool replaces dead connections, and H2 reopens the file on the next one.
     */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class TransactionFailed implements ExceptionHandler<io.micronaut.transaction.exceptions.TransactionException,
            HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, io.micronaut.transaction.exceptions.TransactionException e) {
            return storeFailed(request, e, "transaction failure",
                    "the metadata store failed (details in the service log); retry");
        }
    }

    /** No usable connection to the metadata store (the same cause as above, met when a connection is taken). */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class ConnectionFailed implements ExceptionHandler<io.micronaut.data.connection.exceptions.ConnectionException,
            HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, io.micronaut.data.connection.exceptions.ConnectionException e) {
            return storeFailed(request, e, "connection failure",
                    "the metadata store failed (details in the service log); retry");
        }
    }

    static HttpResponse<Problem> respond(HttpRequest<?> request, HttpStatus status, String code, Stage stage,
                                         String detail, List<?> issues) {
        Problem problem = Problem.of(status.getCode(), status.getReason(), code, stage, detail, request.getPath(),
                issues);
        return HttpResponse.<Problem>status(status).contentType(Problem.MEDIA_TYPE).body(problem);
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class DefinitionFormat implements ExceptionHandler<DefinitionFormatException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DefinitionFormatException e) {
            String code = e.code().name().toLowerCase(Locale.ROOT).replace('_', '-');
            return respond(request, HttpStatus.UNPROCESSABLE_ENTITY, "invalid-definition", Stage.VALIDATE,
                    e.getMessage(), List.of(Map.of("code", code, "path", e.path(), "message", e.detail(),
                            "severity", "error")));
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class DefinitionRejected implements ExceptionHandler<DefinitionRejectedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DefinitionRejectedException e) {
            return respond(request, HttpStatus.UNPROCESSABLE_ENTITY, "definition-rejected", Stage.VALIDATE,
                    e.getMessage(), e.result().issues());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class PolicyViolation implements ExceptionHandler<PolicyViolationException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, PolicyViolationException e) {
            // The compiler only emits policy-conforming SQL, so this is a defect or an attack: log it loudly.
            LOG.error("SQL policy refused a statement for {}: {}", request.getPath(), e.getMessage());
            return respond(request, HttpStatus.UNPROCESSABLE_ENTITY, "sql-policy-violation", Stage.COMPILE,
                    e.getMessage(), List.of());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class SegmentNotFound implements ExceptionHandler<SegmentNotFoundException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, SegmentNotFoundException e) {
            return respond(request, HttpStatus.NOT_FOUND, "segment-not-found", Stage.STORE, e.getMessage(),
                    List.of());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class CompileFailed implements ExceptionHandler<SegmentCompileException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, SegmentCompileException e) {
            return respond(request, HttpStatus.UNPROCESSABLE_ENTITY, "compile-failed", Stage.COMPILE,
                    e.getMessage(), List.of());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class WarehouseFailed implements ExceptionHandler<WarehouseException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, WarehouseException e) {
            LOG.warn("warehouse failure for {}", request.getPath(), e);
            if (DiskFull.in(e)) {
                return diskFull(request, Stage.EXECUTE);
            }
            return respond(request, HttpStatus.SERVICE_UNAVAILABLE, "warehouse-unavailable", Stage.EXECUTE,
                    e.getMessage(), List.of());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class LimitExceeded implements ExceptionHandler<LimitExceededException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, LimitExceededException e) {
            Problem problem = Problem.limited(429, HttpStatus.TOO_MANY_REQUESTS.getReason(), e.code(), e.getMessage(),
                    request.getPath(), e.limit(), e.retryAfterSeconds());
            return HttpResponse.<Problem>status(HttpStatus.TOO_MANY_REQUESTS).contentType(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static class BadArgument implements ExceptionHandler<IllegalArgumentException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IllegalArgumentException e) {
            return respond(request, HttpStatus.BAD_REQUEST, "bad-request", Stage.REQUEST, e.getMessage(),
                    List.of());
        }
    }
}
