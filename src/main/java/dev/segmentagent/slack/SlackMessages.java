package dev.segmentagent.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.segmentagent.interpret.AskResult;
import dev.segmentagent.interpret.Interpretation.Option;
import dev.segmentagent.live.SegmentService.SegmentView;
import dev.segmentagent.preview.Preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * Block Kit for each kind of answer. Pure functions of the service results: an answer shows the explanation,
 * count and share, a small sample and the Save / Refine buttons; a clarification shows one button per option;
 * a refusal is plain text. Texts are cut to Slack's limits (3,000 per section, 2,000 per button value).
 */
final class SlackMessages {

    static final String SAVE = "segment_save";
    static final String REFINE = "segment_refine";
    static final String OPTION_PREFIX = "segment_option_";
    static final int SAMPLE_ROWS = 5;
    private static final int SECTION_MAX = 3000;
    private static final int VALUE_MAX = 2000;

    /** A message: the fallback text (notifications, screen readers) and its blocks (none for plain text). */
    record Message(String text, List<LayoutBlock> blocks) {}

    private SlackMessages() {
    }

    static Message answer(AskResult result, UUID draftId) {
        Preview preview = result.preview();
        String count = String.format(Locale.ROOT, "%,d customers (%.1f%% of %,d)", preview.count(),
                preview.share() * 100, preview.baseCount());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(cut("*" + escape(result.draft().name()) + "*\n"
                + escape(result.explanation()), SECTION_MAX)))));
        blocks.add(section(s -> s.text(markdownText("*Count:* " + count))));
        if (!result.assumptions().isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(cut("Assumed: "
                    + escape(String.join("; ", result.assumptions())), SECTION_MAX))))));
        }
        if (!preview.sample().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(cut(sample(preview), SECTION_MAX)))));
        }
        blocks.add(actions(a -> a.blockId("segment_draft").elements(List.<BlockElement>of(
                button(b -> b.actionId(SAVE).style("primary").text(plainText("Save segment"))
                        .value(draftId.toString())),
                button(b -> b.actionId(REFINE).text(plainText("Refine")).value(cut(result.request(), VALUE_MAX)))))));
        return new Message(result.draft().name() + ": " + count, blocks);
    }

    static Message clarification(AskResult result) {
        List<BlockElement> buttons = new ArrayList<>();
        List<Option> options = result.options();
        for (int i = 0; i < Math.min(options.size(), 25); i++) {
            Option option = options.get(i);
            int index = i;
            buttons.add(button(b -> b.actionId(OPTION_PREFIX + index).text(plainText(cut(option.label(), 75)))
                    .value(cut(option.request(), VALUE_MAX))));
        }
        String question = result.question();
        return new Message(question, List.of(
                section(s -> s.text(markdownText(cut(escape(question), SECTION_MAX)))),
                actions(a -> a.blockId("segment_clarify").elements(buttons))));
    }

    static Message declined(AskResult result) {
        StringBuilder text = new StringBuilder("I can't build that segment: ").append(result.reason());
        if (!result.suggestions().isEmpty()) {
            text.append("\nYou could try: ").append(String.join(" · ", result.suggestions()));
        }
        return new Message(cut(text.toString(), SECTION_MAX), List.of());
    }

    static Message failed(String detail) {
        return new Message(cut("Sorry, that did not work: " + detail, SECTION_MAX), List.of());
    }

    static Message saved(SegmentView view) {
        String text = "Saved segment *" + escape(view.name()) + "* (version " + view.version() + ", id `"
                + view.id() + "`).";
        return new Message(text, List.of(section(s -> s.text(markdownText(text)))));
    }

    static Message membershipSummary(String segmentName, int version, long size, long entered, long exited,
                                     int runs) {
        String text = String.format(Locale.ROOT, "Segment *%s* (v%d): %,d entered, %,d exited%s; now %,d members.",
                escape(segmentName), version, entered, exited, runs > 1 ? " over " + runs + " updates" : "", size);
        return new Message(text, List.of(section(s -> s.text(markdownText(text)))));
    }

    /** A fixed-width table of the first rows, with the fields the definition uses. */
    private static String sample(Preview preview) {
        List<String> fields = new ArrayList<>();
        fields.add("customer_id");
        for (String f : preview.sampleFields()) {
            if (!fields.contains(f)) {
                fields.add(f);
            }
        }
        StringBuilder out = new StringBuilder("*Sample*\n```");
        out.append(String.join(" | ", fields)).append('\n');
        for (Map<String, Object> row : preview.sample().subList(0, Math.min(SAMPLE_ROWS, preview.sample().size()))) {
            List<String> cells = new ArrayList<>();
            for (String f : fields) {
                Object v = row.get(f);
                cells.add(v == null ? "–" : v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d)
                        : String.valueOf(v));
            }
            out.append(String.join(" | ", cells)).append('\n');
        }
        return out.append("```").toString();
    }

    /** Slack's mrkdwn treats &, < and > as control characters. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
