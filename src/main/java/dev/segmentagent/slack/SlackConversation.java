package dev.segmentagent.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.view.View;
import dev.segmentagent.interpret.AskResult;
import dev.segmentagent.interpret.AskService;
import dev.segmentagent.live.SegmentService.SegmentView;
import dev.segmentagent.slack.SlackMessages.Message;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The work behind each acknowledged Slack request, done on {@link SlackWorkers}: ask the {@link AskService}
 * and answer with Block Kit, save a draft, or open the Refine dialog. Failures are answered in Slack as plain
 * text (the user is waiting there), and logged.
 */
@Singleton
@SlackEnabled
class SlackConversation {

    private static final Logger LOG = LoggerFactory.getLogger(SlackConversation.class);

    private final AskService asks;
    private final SlackDrafts drafts;
    private final SlackWeb web;
    private final SlackWorkers workers;

    SlackConversation(AskService asks, SlackDrafts drafts, SlackWeb web, SlackWorkers workers) {
        this.asks = asks;
        this.drafts = drafts;
        this.web = web;
        this.workers = workers;
    }

    void ask(String request, String actor, ReplyTarget target) {
        workers.submit(() -> deliver(target, answer(request, actor), false));
    }

    /** A plain-text reply, e.g. usage help for an empty mention. */
    void tell(ReplyTarget target, String text) {
        workers.submit(() -> deliver(target, new Message(text, java.util.List.of()), false));
    }

    void save(UUID draftId, String actor, String responseUrl) {
        workers.submit(() -> {
            Message message;
            try {
                SegmentView view = drafts.save(draftId, actor);
                LOG.info("slack save draft={} segment={} actor={}", draftId, view.id(), actor);
                message = SlackMessages.saved(view);
            } catch (RuntimeException e) {
                LOG.warn("slack save draft={} failed: {}", draftId, e.getMessage());
                message = SlackMessages.failed(e.getMessage());
            }
            deliver(new ReplyTarget.ResponseUrl(responseUrl), message, true);
        });
    }

    /** Opens a dialog with the request to edit; its submission comes back as a view_submission. */
    void refine(String request, String triggerId, String responseUrl) {
        workers.submit(() -> {
            try {
                View view = SlackRefineDialog.dialog(request, responseUrl);
                web.openView(triggerId, view);
            } catch (Exception e) {
                LOG.warn("slack refine dialog failed: {}", e.getMessage());
                deliver(new ReplyTarget.ResponseUrl(responseUrl), SlackMessages.failed(
                        "the Refine dialog could not be opened (" + e.getMessage() + "); type /segment with the "
                                + "refined request instead"), false);
            }
        });
    }

    private Message answer(String request, String actor) {
        try {
            AskResult result = asks.ask(request);
            return switch (result.kind()) {
                case "answer" -> SlackMessages.answer(result, drafts.keep(result.draft(), actor));
                case "clarification" -> SlackMessages.clarification(result);
                default -> SlackMessages.declined(result);
            };
        } catch (RuntimeException e) {
            // AskRequestException, InterpreterFailureException, DefinitionRejectedException: their messages
            // are written for users (the REST API shows the same text as a problem detail)
            LOG.warn("slack ask failed: {}", e.toString());
            return SlackMessages.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void deliver(ReplyTarget target, Message message, boolean inChannel) {
        try {
            if (target instanceof ReplyTarget.ResponseUrl url) {
                web.respond(url.url(), ActionResponse.builder()
                        .responseType(inChannel ? "in_channel" : "ephemeral").replaceOriginal(false)
                        .text(message.text()).blocks(message.blocks().isEmpty() ? null : message.blocks()).build());
            } else if (target instanceof ReplyTarget.Channel channel) {
                web.postMessage(channel.channel(), channel.threadTs(), message.text(),
                        message.blocks().isEmpty() ? null : message.blocks());
            }
        } catch (Exception e) {
            LOG.warn("slack reply to {} failed: {}", target, e.getMessage());
        }
    }
}
