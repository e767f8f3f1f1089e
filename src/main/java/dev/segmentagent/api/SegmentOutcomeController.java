package dev.segmentagent.api;

import dev.segmentagent.api.SegmentRequests.PreviewRequest;
import dev.segmentagent.features.SegmentOutcomes;
import dev.segmentagent.features.SegmentOutcomes.Report;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

import java.util.UUID;

/** Outcome check of a segment: members' churn, revenue and propensity against the whole customer base. */
@Controller("/api/segments")
@ExecuteOn(TaskExecutors.BLOCKING)
class SegmentOutcomeController {

    private final SegmentOutcomes outcomes;

    SegmentOutcomeController(SegmentOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    /** Body: {"definition": {...}} as for preview. */
    @Post("/outcomes")
    Report forDefinition(@Body @Valid PreviewRequest request) {
        return outcomes.forDefinition(request.definition());
    }

    @Get("/{id}/outcomes")
    Report forSegment(UUID id) {
        return outcomes.forSegment(id);
    }
}
