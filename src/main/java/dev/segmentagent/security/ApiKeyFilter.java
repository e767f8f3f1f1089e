package dev.segmentagent.security;

import dev.segmentagent.api.Problem;
import dev.segmentagent.api.Stage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/**
 * Every /api request carries a key ({@code Authorization: Bearer sa_…} or {@code X-API-Key: sa_…}) whose role
 * covers the route; otherwise 401 or 403 as problem+json, before any controller runs, so a refused request
 * has no side effect.
 */
@ServerFilter("/api/**")
class ApiKeyFilter implements Ordered {

    static final String PRINCIPAL = "segment.principal";
    static final int ORDER = HIGHEST_PRECEDENCE + 100;

    private final SecurityConfig config;
    private final ApiKeys keys;

    ApiKeyFilter(SecurityConfig config, ApiKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<Problem> authorize(HttpRequest<?> request) {
        if (!config.enabled()) {
            request.setAttribute(PRINCIPAL, Principal.LOCAL);
            return null;
        }
        Optional<String> presented = presentedKey(request);
        if (presented.isEmpty()) {
            return refuse(request, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "This endpoint needs an API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.");
        }
        Optional<Principal> principal = keys.authenticate(presented.get());
        if (principal.isEmpty()) {
            return refuse(request, HttpStatus.UNAUTHORIZED, "invalid-api-key",
                    "The API key is unknown or has been revoked.");
        }
        Role required = AccessRules.required(request.getMethodName(), request.getPath());
        if (!principal.get().role().includes(required)) {
            return refuse(request, HttpStatus.FORBIDDEN, "forbidden", String.format(
                    "%s %s needs the %s role; key '%s' has %s.", request.getMethodName(), request.getPath(),
                    required.name().toLowerCase(), principal.get().name(), principal.get().role().name().toLowerCase()));
        }
        request.setAttribute(PRINCIPAL, principal.get());
        return null;
    }

    private static Optional<String> presentedKey(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim());
        }
        return Optional.ofNullable(request.getHeaders().get("X-API-Key")).map(String::trim);
    }

    private static HttpResponse<Problem> refuse(HttpRequest<?> request, HttpStatus status, String code, String detail) {
        Problem problem = Problem.of(status.getCode(), status.getReason(), code, Stage.REQUEST, detail,
                request.getPath(), null);
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(status).contentType(Problem.MEDIA_TYPE)
                .body(problem);
        return status == HttpStatus.UNAUTHORIZED ? response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer") : response;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
