package dev.segmentagent.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.interpret.AskResult;
import dev.segmentagent.live.SegmentService;
import dev.segmentagent.live.SegmentService.SaveCommand;
import dev.segmentagent.live.SegmentService.SegmentView;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Drafts offered in Slack, kept by id until someone clicks "Save segment" (the button value carries the id
 * only), then saved through the same {@link SegmentService} as the REST API. A second click on the same
 * button answers with the segment already saved instead of creating a duplicate.
 */
@Singleton
@SlackEnabled
class SlackDrafts {

    static final Duration TTL = Duration.ofDays(7);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackDraftRepository drafts;
    private final SegmentService segments;
    private final Clock clock;

    SlackDrafts(SlackDraftRepository drafts, SegmentService segments, Clock clock) {
        this.drafts = drafts;
        this.segments = segments;
        this.clock = clock;
    }

    UUID keep(AskResult.Draft draft, String actor) {
        drafts.deleteByCreatedAtLessThan(clock.instant().minus(TTL));
        UUID id = UUID.randomUUID();
        drafts.save(new SlackDraftRecord(id, draft.name(), draft.description(), draft.definition().toString(),
                draft.sourceRequest(), actor, clock.instant(), null));
        return id;
    }

    /** Saves the draft as a new segment, once; throws IllegalArgumentException when it is unknown or expired. */
    SegmentView save(UUID draftId, String actor) {
        SlackDraftRecord draft = drafts.findById(draftId).orElseThrow(() -> new IllegalArgumentException(
                "this draft is no longer available (drafts are kept " + TTL.toDays() + " days); ask again"));
        if (draft.savedSegment() != null) {
            return segments.get(draft.savedSegment(), null);
        }
        SegmentView view;
        try {
            view = segments.create(new SaveCommand(draft.name(), draft.description(), JSON.readTree(draft.definition()),
                    draft.sourceRequest()), actor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored draft holds the JSON it was given", e);
        }
        drafts.update(draft.withSavedSegment(view.id()));
        return view;
    }
}
