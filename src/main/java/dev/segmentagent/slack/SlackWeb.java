package dev.segmentagent.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.ActionResponseSender;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;

/**
 * Everything sent to Slack, through the Slack SDK's clients: replies to a {@code response_url}, and the Web API
 * calls (chat.postMessage, views.open) under the bot token against the configured base URL.
 */
@Singleton
@SlackEnabled
class SlackWeb {

    private final Slack slack;
    private final SlackSettings settings;
    private final ActionResponseSender responses;

    SlackWeb(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        String base = settings.apiBaseUrl();
        config.setMethodsEndpointUrlPrefix(base.endsWith("/") ? base : base + "/");
        config.setHttpClientCallTimeoutMillis(10_000);
        this.slack = Slack.getInstance(config);
        this.settings = settings;
        this.responses = new ActionResponseSender(slack);
    }

    /** Posts to a response_url (valid for 30 minutes and 5 posts after the request that carried it). */
    void respond(String responseUrl, ActionResponse response) throws IOException {
        WebhookResponse answer = responses.send(responseUrl, response);
        if (answer.getCode() / 100 != 2) {
            throw new IOException("response_url answered HTTP " + answer.getCode() + ": " + answer.getBody());
        }
    }

    void postMessage(String channel, String threadTs, String text, List<LayoutBlock> blocks)
            throws IOException, SlackApiException {
        ChatPostMessageResponse answer = methods().chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                .text(text).blocks(blocks));
        if (!answer.isOk()) {
            throw new IOException("chat.postMessage to " + channel + " failed: " + answer.getError());
        }
    }

    void openView(String triggerId, View view) throws IOException, SlackApiException {
        ViewsOpenResponse answer = methods().viewsOpen(r -> r.triggerId(triggerId).view(view));
        if (!answer.isOk()) {
            throw new IOException("views.open failed: " + answer.getError());
        }
    }

    boolean canCallApi() {
        return settings.hasBotToken();
    }

    private MethodsClient methods() {
        if (!settings.hasBotToken()) {
            throw new IllegalStateException("segment.slack.bot-token (SLACK_BOT_TOKEN) is not set");
        }
        return slack.methods(settings.botToken());
    }

    @PreDestroy
    void close() throws Exception {
        slack.close();
    }
}
