package dev.segmentagent.api;

import dev.segmentagent.live.LiveSegments;
import dev.segmentagent.live.LiveSettings;
import dev.segmentagent.live.SegmentDependencies;
import dev.segmentagent.live.SegmentHistory;
import dev.segmentagent.live.SegmentHistory.RunView;
import dev.segmentagent.live.SegmentOverlap;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;
import java.util.UUID;

/** Live segments over REST: refresh now, live status and settings, run history, dependencies, overlap. */
@Controller("/api/segments")
@ExecuteOn(TaskExecutors.BLOCKING)
class LiveSegmentController {

    private final LiveSegments live;
    private final SegmentHistory history;
    private final LiveSettings settings;
    private final SegmentOverlap overlap;

    LiveSegmentController(LiveSegments live, SegmentHistory history, LiveSettings settings, SegmentOverlap overlap) {
        this.live = live;
        this.history = history;
        this.settings = settings;
        this.overlap = overlap;
    }

    /** Refreshes now and returns the run; a failed run (status failed, error) is an answer, not an HTTP error. */
    @Post("/{id}/refresh")
    RunView refresh(UUID id) {
        return RunView.of(live.refresh(id, LiveSegments.MANUAL));
    }

    @Get("/{id}/live")
    SegmentHistory.LiveStatus status(UUID id) {
        return history.status(id);
    }

    @Put("/{id}/live")
    SegmentHistory.LiveStatus updateSettings(UUID id, @Body SettingsRequest request) {
        settings.update(id, new LiveSettings.Change(request.refreshIntervalSeconds(), request.campaignEligible(),
                request.priority(), request.holdoutPercent()));
        return history.status(id);
    }

    @Get("/{id}/history")
    SegmentHistory.History history(UUID id, @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return history.history(id, limit);
    }

    @Get("/{id}/dependencies")
    SegmentDependencies dependencies(UUID id) {
        return live.dependencies(id);
    }

    @Post("/overlap")
    SegmentOverlap.Matrix overlap(@Body OverlapRequest request) {
        if (request.ids() == null || request.ids().isEmpty() || request.ids().size() > 50) {
            throw ProblemException.badRequest("invalid_overlap_request", "ids must name 1 to 50 segments");
        }
        return overlap.overlap(request.ids());
    }

    @io.micronaut.core.annotation.Introspected
    record SettingsRequest(@Nullable Integer refreshIntervalSeconds, @Nullable Boolean campaignEligible,
                           @Nullable Integer priority, @Nullable Double holdoutPercent) {}

    @io.micronaut.core.annotation.Introspected
    record OverlapRequest(List<UUID> ids) {}
}
