package dev.segmentagent.slack;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;

import java.util.List;
import java.util.Map;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The "Refine" dialog: the request, editable. The response_url of the message it came from rides along as the
 * view's private metadata, so the refined answer lands where the first one did.
 */
final class SlackRefineDialog {

    static final String CALLBACK_ID = "segment_refine_dialog";
    static final String BLOCK_ID = "request";
    static final String ACTION_ID = "request_text";

    private SlackRefineDialog() {
    }

    static View dialog(String request, String responseUrl) {
        return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(responseUrl)
                .title(viewTitle(t -> t.type("plain_text").text("Refine segment")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Ask")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(input(i -> i.blockId(BLOCK_ID).label(plainText("Describe the customers"))
                        .element(plainTextInput(p -> p.actionId(ACTION_ID).multiline(true)
                                .initialValue(request).maxLength(2000)))))));
    }

    /** The submitted request text, or null when the submission does not carry it. */
    static String submitted(View view) {
        ViewState state = view.getState();
        if (state == null || state.getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> block = state.getValues().get(BLOCK_ID);
        ViewState.Value value = block == null ? null : block.get(ACTION_ID);
        return value == null ? null : value.getValue();
    }
}
