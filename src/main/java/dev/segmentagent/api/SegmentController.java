package dev.segmentagent.api;

import dev.segmentagent.api.SegmentRequests.ExplainRequest;
import dev.segmentagent.api.SegmentRequests.PreviewRequest;
import dev.segmentagent.api.SegmentRequests.SaveRequest;
import dev.segmentagent.live.SegmentRecord;
import dev.segmentagent.live.SegmentService;
import dev.segmentagent.live.SegmentService.MembersPage;
import dev.segmentagent.live.SegmentService.SaveCommand;
import dev.segmentagent.live.SegmentService.SegmentView;
import dev.segmentagent.live.SegmentService.VersionView;
import dev.segmentagent.security.CurrentActor;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.Explanation;
import dev.segmentagent.preview.ExplanationService;
import dev.segmentagent.preview.Preview;
import dev.segmentagent.preview.PreviewService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The segments REST API: preview a draft, save it (versioned), read, list, delete, page and export members. */
@Controller("/api/segments")
@ExecuteOn(TaskExecutors.BLOCKING)
class SegmentController {

    private final DefinitionPipeline pipeline;
    private final PreviewService previews;
    private final ExplanationService explanations;
    private final SegmentService segments;
    private final CurrentActor actor;

    SegmentController(DefinitionPipeline pipeline, PreviewService previews, ExplanationService explanations,
                      SegmentService segments, CurrentActor actor) {
        this.actor = actor;
        this.pipeline = pipeline;
        this.previews = previews;
        this.explanations = explanations;
        this.segments = segments;
    }

    @Post("/preview")
    Preview preview(@Body @Valid PreviewRequest request) {
        return previews.preview(pipeline.prepare(request.definition(), request.asOf(), null),
                request.sample() == null ? 10 : request.sample());
    }

    @Post("/explain")
    Explanation explain(@Body @Valid ExplainRequest request) {
        return explanations.explain(pipeline.prepare(request.definition(), request.asOf(), null),
                request.customerId());
    }

    @Post
    HttpResponse<SegmentView> create(@Body @Valid SaveRequest request) {
        SegmentView view = segments.create(command(request), actor.name());
        return HttpResponse.created(view, URI.create("/api/segments/" + view.id()));
    }

    @Put("/{id}")
    SegmentView update(UUID id, @Body @Valid SaveRequest request) {
        return segments.update(id, command(request), actor.name());
    }

    @Get
    PageView<SegmentSummary> list(@Nullable @QueryValue String q,
                                  @QueryValue(defaultValue = "0") @Min(0) int page,
                                  @QueryValue(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageView.of(segments.list(q, Pageable.from(page, size, Sort.of(Sort.Order.desc("updatedAt")))),
                SegmentSummary::of);
    }

    @Get("/{id}")
    SegmentView get(UUID id, @Nullable @QueryValue Integer version) {
        return segments.get(id, version);
    }

    @Get("/{id}/versions")
    List<VersionView> versions(UUID id) {
        return segments.versions(id);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(UUID id) {
        segments.delete(id, actor.name());
    }

    /** @param includePersonalData add the catalog's personal-data columns (admin keys only; audited) */
    @Get("/{id}/members")
    MembersPage members(UUID id, @QueryValue(defaultValue = "0") @Min(0) int page,
                        @QueryValue(defaultValue = "50") @Min(1) @Max(1000) int size,
                        @QueryValue(defaultValue = "false") boolean includePersonalData) {
        return segments.members(id, page, size, personalData(includePersonalData), actor.name());
    }

    /** @param includePersonalData add the catalog's personal-data columns (admin keys only; audited) */
    @Get(value = "/{id}/members.csv", produces = "text/csv")
    HttpResponse<Writable> membersCsv(UUID id, @QueryValue(defaultValue = "false") boolean includePersonalData) {
        boolean personal = personalData(includePersonalData);
        segments.get(id, null); // 404 before the stream starts, not halfway through it
        String exportedBy = actor.name(); // read now: the body is written after the request context is gone
        Writable body = out -> segments.exportCsv(id, out, exportedBy, personal);
        return HttpResponse.ok(body).contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"segment-" + id + "-members.csv\"");
    }

    /** Refuses, rather than silently omits, personal data asked for by a role that may not read it. */
    private boolean personalData(boolean requested) {
        if (requested && !actor.readsPersonalData()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "personal-data-forbidden", Stage.REQUEST,
                    "Personal data (catalog fields flagged pii) is shown to admin keys only; key '" + actor.name()
                            + "' may read members without it.");
        }
        return requested;
    }

    private static SaveCommand command(SaveRequest request) {
        return new SaveCommand(request.name().strip(), request.description(), request.definition(),
                request.sourceRequest());
    }

    /** One line of the segment list. */
    record SegmentSummary(UUID id, String name, String description, int currentVersion, Instant createdAt,
                          Instant updatedAt, String createdBy) {
        static SegmentSummary of(SegmentRecord s) {
            return new SegmentSummary(s.id(), s.name(), s.description(), s.currentVersion(), s.createdAt(),
                    s.updatedAt(), s.createdBy());
        }
    }
}
