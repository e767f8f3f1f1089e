package dev.segmentagent.slack;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Without segment.slack.enabled (the default) no Slack endpoint, worker or notifier exists. */
@MicronautTest
class SlackDisabledHttpTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @Test
    void slack_beans_and_routes_are_absent_unless_enabled() {
        assertThat(context.containsBean(SlackController.class)).isFalse();
        assertThat(context.containsBean(SlackMembershipNotifier.class)).isFalse();
        assertThat(context.containsBean(SlackWorkers.class)).isFalse();

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(HttpRequest.POST("/slack/commands", "text=hello")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
    }
}
