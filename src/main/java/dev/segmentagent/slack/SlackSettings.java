package dev.segmentagent.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * The Slack app's settings ({@code segment.slack.*}). Slack beans exist only when {@code enabled} is true (see
 * {@link SlackEnabled}); the signing secret is then mandatory, because an endpoint that cannot verify requests
 * must not exist at all.
 *
 * @param signingSecret      the app's signing secret (Basic Information → App Credentials)
 * @param botToken           the bot token ({@code xoxb-…}) for chat.postMessage and views.open; without it app
 *                           mentions, the Refine dialog and channel notifications are off
 * @param apiBaseUrl         the Web API base; tests point it at a local fake
 * @param defaultChannel     where membership notifications go when a subscription names no channel
 * @param notifyBatchWindow  changes of one segment within this window become one summary message, so a burst of
 *                           incremental updates does not flood the channel
 */
@ConfigurationProperties("segment.slack")
public record SlackSettings(
        @Bindable(defaultValue = "false") boolean enabled,
        @Nullable String signingSecret,
        @Nullable String botToken,
        @Bindable(defaultValue = "https://slack.com/api") @NotBlank String apiBaseUrl,
        @Nullable String defaultChannel,
        @Bindable(defaultValue = "30s") @NotNull Duration notifyBatchWindow) {

    boolean hasBotToken() {
        return botToken != null && !botToken.isBlank();
    }
}
