package dev.segmentagent.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, extended with a stable machine {@code code}, the pipeline {@code stage} that
 * failed and, for validation failures, the list of {@code issues}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, Stage stage,
                      String instance, List<?> issues, Long limit, Long retryAfterSeconds) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String code, Stage stage, String detail, String instance,
                             List<?> issues) {
        return new Problem("urn:segment-agent:problem:" + code, title, status, detail, code, stage, instance,
                issues == null ? List.of() : issues, null, null);
    }

    /** A limit that was hit: which (limit) and when a retry can succeed (also sent as Retry-After). */
    public static Problem limited(int status, String title, String code, String detail, String instance, long limit,
                                  long retryAfterSeconds) {
        return new Problem("urn:segment-agent:problem:" + code, title, status, detail, code, Stage.REQUEST, instance,
                List.of(), limit, retryAfterSeconds);
    }
}
