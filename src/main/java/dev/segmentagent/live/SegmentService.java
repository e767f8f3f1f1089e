package dev.segmentagent.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.audit.AuditLog;
import dev.segmentagent.live.SegmentStore.NewVersion;
import dev.segmentagent.live.SegmentStore.SavedSegment;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.MemberQueries;
import dev.segmentagent.preview.PreparedDefinition;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.SegmentExplainer;
import dev.segmentagent.segment.SegmentJson;
import dev.segmentagent.segment.ValidationIssue;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;

import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Saving, versioning, reading and exporting segments. A definition is saved only after it has validated and
 * compiled, so every stored version is one that runs.
 */
@Singleton
public class SegmentService {

    private final DefinitionPipeline pipeline;
    private final SegmentStore store;
    private final AuditLog audit;
    private final MemberQueries members;
    private final LiveSegments live;

    SegmentService(DefinitionPipeline pipeline, SegmentStore store, AuditLog audit, MemberQueries members,
                   LiveSegments live) {
        this.pipeline = pipeline;
        this.store = store;
        this.audit = audit;
        this.members = members;
        this.live = live;
    }

    /** A save or an update: the name and words are the segment's, the condition is the definition's. */
    public record SaveCommand(String name, String description, JsonNode definition, String sourceRequest) {}

    public record SegmentView(UUID id, String name, String description, int version, int currentVersion,
                              Instant createdAt, Instant updatedAt, String createdBy, JsonNode definition,
                              String explanation, String sourceRequest, List<ValidationIssue> warnings) {}

    public record VersionView(int version, Instant createdAt, String createdBy, JsonNode definition,
                              String explanation, String sourceRequest) {}

    public record MembersPage(UUID segmentId, int version, Instant asOf, long total, int page, int size,
                              List<String> fields, List<Map<String, Object>> items) {}

    public SegmentView create(SaveCommand command, String actor) {
        PreparedDefinition prepared = prepare(command, null);
        SavedSegment saved = store.create(newVersion(command, prepared, actor));
        audit.record(actor, "segment.create", "segment", saved.segment().id().toString(),
                "version 1: " + saved.segment().name());
        live.afterSave(saved.segment().id());
        return view(saved, prepared.validation().warnings());
    }

    public SegmentView update(UUID id, SaveCommand command, String actor) {
        store.current(id).orElseThrow(() -> new SegmentNotFoundException(id));
        PreparedDefinition prepared = prepare(command, id.toString());
        SavedSegment saved = store.update(id, newVersion(command, prepared, actor));
        audit.record(actor, "segment.update", "segment", id.toString(),
                "version " + saved.version().version());
        live.afterSave(id);
        return view(saved, prepared.validation().warnings());
    }

    public void delete(UUID id, String actor) {
        SegmentRecord deleted = store.softDelete(id);
        audit.record(actor, "segment.delete", "segment", id.toString(), deleted.name());
        live.afterDelete(id);
    }

    public SegmentView get(UUID id, Integer version) {
        SavedSegment saved = (version == null ? store.current(id) : store.version(id, version))
                .orElseThrow(() -> new SegmentNotFoundException(id));
        return view(saved, List.of());
    }

    public List<VersionView> versions(UUID id) {
        return store.versions(id).stream().map(v -> new VersionView(v.version(), v.createdAt(), v.createdBy(),
                SegmentJson.toTree(SegmentJson.parse(v.definitionJson())), v.explanation(), v.sourceRequest()))
                .toList();
    }

    public Page<SegmentRecord> list(String nameContains, Pageable pageable) {
        return store.list(nameContains, pageable);
    }

    /**
     * A page of members; with {@code personalData} (the caller's role has been checked) the catalog's personal
     * fields are added and the read is recorded in the audit log, as exports are.
     */
    public MembersPage members(UUID id, int page, int size, boolean personalData, String actor) {
        SavedSegment saved = store.current(id).orElseThrow(() -> new SegmentNotFoundException(id));
        PreparedDefinition prepared = pipeline.prepare(SegmentJson.parse(saved.version().definitionJson()), null,
                id.toString());
        MemberQueries.Members result = members.page(prepared, page, size, personalData);
        if (personalData) {
            audit.record(actor, "segment.members.personal-data", "segment", id.toString(),
                    "page " + page + " (" + result.rows().size() + " members), version " + saved.version().version()
                            + ", fields " + result.fields());
        }
        return new MembersPage(id, saved.version().version(), prepared.asOf(), result.total(), page, size,
                result.fields(), result.rows());
    }

    /** Streams every member as CSV (header first) and records the export in the audit log. */
    public void exportCsv(UUID id, Writer out, String actor, boolean personalData) {
        SavedSegment saved = store.current(id).orElseThrow(() -> new SegmentNotFoundException(id));
        PreparedDefinition prepared = pipeline.prepare(SegmentJson.parse(saved.version().definitionJson()), null,
                id.toString());
        long rows = members.writeCsv(prepared, out, personalData);
        audit.record(actor, "segment.export", "segment", id.toString(),
                rows + " members, version " + saved.version().version()
                        + (personalData ? ", including personal data" : ", without personal data"));
    }

    private PreparedDefinition prepare(SaveCommand command, String segmentId) {
        SegmentDefinition parsed = SegmentJson.parse(command.definition());
        SegmentDefinition named = new SegmentDefinition(command.name(), command.description(), parsed.condition());
        return pipeline.prepare(named, null, segmentId);
    }

    private NewVersion newVersion(SaveCommand command, PreparedDefinition prepared, String actor) {
        return new NewVersion(command.name(), command.description(), SegmentJson.toJson(prepared.definition()),
                new SegmentExplainer(prepared.catalog(), prepared.compileContext().segments()).explain(prepared.definition()), command.sourceRequest(), actor);
    }

    private static SegmentView view(SavedSegment saved, List<ValidationIssue> warnings) {
        SegmentRecord s = saved.segment();
        SegmentVersionRecord v = saved.version();
        return new SegmentView(s.id(), s.name(), s.description(), v.version(), s.currentVersion(), s.createdAt(),
                s.updatedAt(), s.createdBy(), SegmentJson.toTree(SegmentJson.parse(v.definitionJson())),
                v.explanation(), v.sourceRequest(), warnings);
    }
}
