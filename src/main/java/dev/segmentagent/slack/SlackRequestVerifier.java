package dev.segmentagent.slack;

import com.slack.api.app_backend.SlackSignature;
import dev.segmentagent.api.ProblemException;
import dev.segmentagent.api.Stage;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

/**
 * Checks that a request really comes from Slack: {@code v0=HMAC-SHA256(signing secret, "v0:" + timestamp + ":" +
 * raw body)} equals {@code X-Slack-Signature}, and {@code X-Slack-Request-Timestamp} is within five minutes of
 * now in either direction (a captured request cannot be replayed later).
 * <p>
 * The signature is computed by the Slack SDK's {@link SlackSignature.Generator}, but compared here: the SDK's
 * {@code Verifier} compares with {@code String.equals} (not constant-time) and its timestamp check accepts any
 * timestamp in the future, so it is used for the arithmetic only.
 */
@Singleton
@SlackEnabled
class SlackRequestVerifier {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final SlackSignature.Generator generator;
    private final Clock clock;

    SlackRequestVerifier(SlackSettings settings, Clock clock) {
        if (settings.signingSecret() == null || settings.signingSecret().isBlank()) {
            throw new IllegalStateException("segment.slack.enabled is true but segment.slack.signing-secret "
                    + "(SLACK_SIGNING_SECRET) is not set: Slack requests could not be verified");
        }
        this.generator = new SlackSignature.Generator(settings.signingSecret());
        this.clock = clock;
    }

    /** Returns normally for a genuine, fresh request; otherwise throws a 401 problem before anything is done. */
    void verify(HttpHeaders headers, String rawBody) {
        String timestamp = headers.get(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = headers.get(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (timestamp == null || signature == null) {
            throw reject("slack-signature-missing", "The request has no X-Slack-Request-Timestamp or "
                    + "X-Slack-Signature header.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw reject("slack-timestamp-invalid", "X-Slack-Request-Timestamp is not a number of seconds.");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > MAX_SKEW.toSeconds()) {
            throw reject("slack-timestamp-stale", "X-Slack-Request-Timestamp is " + skew
                    + " s away from now; at most " + MAX_SKEW.toSeconds() + " s is accepted.");
        }
        String expected = generator.generate(timestamp, rawBody);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.strip().getBytes(StandardCharsets.UTF_8))) {
            throw reject("slack-signature-invalid", "X-Slack-Signature does not match the request.");
        }
    }

    private static ProblemException reject(String code, String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, code, Stage.REQUEST, detail);
    }
}
