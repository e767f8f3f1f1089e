package dev.segmentagent.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.events.payload.AppMentionPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.util.json.GsonFactory;
import dev.segmentagent.api.ProblemException;
import dev.segmentagent.interpret.AskService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Slack's three request URLs. Each reads the raw body (what Slack signed), verifies it before anything else,
 * hands the work to {@link SlackConversation} and acknowledges at once, well within Slack's three seconds;
 * the answer follows through the request's response_url or chat.postMessage.
 */
@Controller("/slack")
@SlackEnabled
@ExecuteOn(TaskExecutors.BLOCKING)
class SlackController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackController.class);
    private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");
    private static final String USAGE = "Describe the customers you want, e.g. `/segment customers who bought "
            + "shoes in the last 90 days`.";

    private final SlackRequestVerifier verifier;
    private final SlackConversation conversation;
    private final SlackWeb web;
    private final RecentEventIds recentEvents;
    private final SlashCommandPayloadParser commands = new SlashCommandPayloadParser();
    private final Gson gson = GsonFactory.createSnakeCase();

    SlackController(SlackRequestVerifier verifier, SlackConversation conversation, SlackWeb web,
                    RecentEventIds recentEvents) {
        this.verifier = verifier;
        this.conversation = conversation;
        this.web = web;
        this.recentEvents = recentEvents;
    }

    /** Slash command: an ephemeral acknowledgement now, the answer via response_url later. */
    @Post(uri = "/commands", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    Map<String, String> command(HttpRequest<?> request, @Body String body) {
        verifier.verify(request.getHeaders(), body);
        SlashCommandPayload payload = commands.parse(body);
        String text = payload.getText() == null ? "" : payload.getText().strip();
        if (text.isEmpty()) {
            return ephemeral(USAGE);
        }
        if (text.length() > AskService.MAX_REQUEST_CHARS) {
            return ephemeral("That request has " + text.length() + " characters; at most "
                    + AskService.MAX_REQUEST_CHARS + " are accepted.");
        }
        if (payload.getResponseUrl() == null || payload.getResponseUrl().isBlank()) {
            throw ProblemException.badRequest("slack-response-url-missing", "The command carries no response_url.");
        }
        conversation.ask(text, actor(payload.getUserId()), new ReplyTarget.ResponseUrl(payload.getResponseUrl()));
        return ephemeral("Working on \u201c" + SlackMessages.cut(text, 200) + "\u201d\u2026");
    }

    /** Events API: the URL verification handshake, and app mentions answered in the mention's thread. */
    @Post(uri = "/events", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> event(HttpRequest<?> request, @Body String body) {
        verifier.verify(request.getHeaders(), body);
        JsonObject json = object(body);
        String type = string(json, "type");
        if ("url_verification".equals(type)) {
            return HttpResponse.ok(Map.of("challenge", string(json, "challenge")));
        }
        JsonObject event = json.has("event") && json.get("event").isJsonObject() ? json.getAsJsonObject("event") : null;
        if (!"event_callback".equals(type) || event == null || !"app_mention".equals(string(event, "type"))) {
            return HttpResponse.ok();
        }
        AppMentionPayload payload = gson.fromJson(body, AppMentionPayload.class);
        AppMentionEvent mention = payload.getEvent();
        if (mention.getBotId() != null || !recentEvents.firstTime(payload.getEventId())) {
            return HttpResponse.ok();
        }
        if (!web.canCallApi()) {
            LOG.warn("app mention ignored: segment.slack.bot-token is not set, so no answer can be posted");
            return HttpResponse.ok();
        }
        String text = MENTION.matcher(mention.getText() == null ? "" : mention.getText()).replaceAll(" ").strip();
        String thread = mention.getThreadTs() != null ? mention.getThreadTs() : mention.getTs();
        ReplyTarget target = new ReplyTarget.Channel(mention.getChannel(), thread);
        if (text.isEmpty()) {
            conversation.tell(target, USAGE);
        } else {
            conversation.ask(text, actor(mention.getUser()), target);
        }
        return HttpResponse.ok();
    }

    /** Button clicks (Save segment, Refine, a clarifying option) and the Refine dialog's submission. */
    @Post(uri = "/interactions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> interaction(HttpRequest<?> request, @Body String body) {
        verifier.verify(request.getHeaders(), body);
        String raw = FormBody.parse(body).get("payload");
        if (raw == null) {
            throw ProblemException.badRequest("slack-payload-missing", "The interaction carries no payload field.");
        }
        String type = string(object(raw), "type");
        if ("block_actions".equals(type)) {
            BlockActionPayload payload = gson.fromJson(raw, BlockActionPayload.class);
            if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getResponseUrl() == null) {
                return HttpResponse.ok();
            }
            BlockActionPayload.Action action = payload.getActions().get(0);
            String actor = actor(payload.getUser() == null ? null : payload.getUser().getId());
            String actionId = action.getActionId() == null ? "" : action.getActionId();
            if (actionId.equals(SlackMessages.SAVE)) {
                conversation.save(draftId(action.getValue()), actor, payload.getResponseUrl());
            } else if (actionId.equals(SlackMessages.REFINE)) {
                conversation.refine(action.getValue(), payload.getTriggerId(), payload.getResponseUrl());
            } else if (actionId.startsWith(SlackMessages.OPTION_PREFIX)) {
                conversation.ask(action.getValue(), actor, new ReplyTarget.ResponseUrl(payload.getResponseUrl()));
            }
            return HttpResponse.ok();
        }
        if ("view_submission".equals(type)) {
            ViewSubmissionPayload payload = gson.fromJson(raw, ViewSubmissionPayload.class);
            if (payload.getView() != null && SlackRefineDialog.CALLBACK_ID.equals(payload.getView().getCallbackId())) {
                String text = SlackRefineDialog.submitted(payload.getView());
                String responseUrl = payload.getView().getPrivateMetadata();
                if (text != null && !text.isBlank() && responseUrl != null && !responseUrl.isBlank()) {
                    conversation.ask(text.strip(), actor(payload.getUser() == null ? null : payload.getUser().getId()),
                            new ReplyTarget.ResponseUrl(responseUrl));
                }
            }
        }
        return HttpResponse.ok();
    }

    private static UUID draftId(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("slack-draft-id-invalid", "The button does not carry a draft id.");
        }
    }

    private static Map<String, String> ephemeral(String text) {
        return Map.of("response_type", "ephemeral", "text", text);
    }

    private static String actor(String userId) {
        return "slack:" + (userId == null ? "unknown" : userId);
    }

    private static JsonObject object(String json) {
        try {
            JsonElement element = JsonParser.parseString(json);
            if (element.isJsonObject()) {
                return element.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // reported below, as for any other non-object
        }
        throw ProblemException.badRequest("slack-payload-invalid", "The Slack payload is not a JSON object.");
    }

    private static String string(JsonObject json, String field) {
        JsonElement value = json.get(field);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
