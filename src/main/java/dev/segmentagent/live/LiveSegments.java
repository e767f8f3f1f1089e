package dev.segmentagent.live;

import dev.segmentagent.live.SegmentStore.SavedSegment;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The entry point other packages call to keep live segments current.
 *
 * <ul>
 *   <li>{@link #refresh(UUID, String)}: one segment, now (the REST "refresh" button, a saved new version);</li>
 *   <li>{@link #refreshAll(String)}: every active segment in one shared scan;</li>
 *   <li>{@link #refreshDependents(Set, String)}: after a model was retrained (pass the model name, e.g.
 *       {@code churn}) or data was imported (pass table names, e.g. {@code orders}, or field names): only
 *       the segments whose AST depends on one of the names are refreshed.</li>
 * </ul>
 */
@Singleton
public class LiveSegments {

    public static final String MANUAL = "manual";
    public static final String SCHEDULE = "schedule";
    public static final String SAVE = "save";
    public static final String IMPORT = "import";
    public static final String MODEL = "model";

    private static final Logger LOG = LoggerFactory.getLogger(LiveSegments.class);

    private final SegmentStore store;
    private final LiveRefresher refresher;
    private final LiveSegmentLoader loader;
    private final MembershipTable memberships;
    private final dev.segmentagent.warehouse.WarehouseFacts facts;

    LiveSegments(SegmentStore store, LiveRefresher refresher, LiveSegmentLoader loader, MembershipTable memberships,
                 dev.segmentagent.warehouse.WarehouseFacts facts) {
        this.store = store;
        this.refresher = refresher;
        this.loader = loader;
        this.memberships = memberships;
        this.facts = facts;
    }

    public RefreshRunRecord refresh(UUID segmentId, String trigger) {
        SavedSegment segment = store.current(segmentId).orElseThrow(() -> new SegmentNotFoundException(segmentId));
        return refresher.refresh(List.of(segment), trigger).get(0);
    }

    public List<RefreshRunRecord> refreshAll(String trigger) {
        return refresher.refresh(store.allActive(), trigger);
    }

    /** Refreshes the segments depending on any of the names (fields, event types, models, tables). */
    public List<RefreshRunRecord> refreshDependents(Set<String> names, String trigger) {
        List<SavedSegment> dependents = store.allActive().stream().filter(s -> dependsOn(s, names)).toList();
        return dependents.isEmpty() ? List.of() : refresher.refresh(dependents, trigger);
    }

    /** {@link #refreshDependents(Set, String)} for a data import. */
    public List<RefreshRunRecord> refreshDependents(Set<String> names) {
        return refreshDependents(names, IMPORT);
    }

    /** The dependencies of the segment's current version. */
    public SegmentDependencies dependencies(UUID segmentId) {
        return loader.prepare(loader.saved(segmentId), facts.asOf()).dependencies();
    }

    /**
     * For code that saves through {@link SegmentStore} directly rather than {@link SegmentService} (the bench):
     * the event path caches the prepared live segments, so without this a segment saved that way is never
     * re-evaluated by events (the 5,000/s bench section reported every event as "never entered").
     */
    public void definitionsChanged() {
        loader.invalidate();
    }

    /** Called after a save: materialise the new version now; a failure is recorded, the save stands. */
    void afterSave(UUID segmentId) {
        loader.invalidate();
        try {
            refresh(segmentId, SAVE);
        } catch (RuntimeException e) {
            LOG.warn("refresh after saving segment {} failed: {}", segmentId, e.getMessage());
        }
    }

    void afterDelete(UUID segmentId) {
        loader.invalidate();
        memberships.drop(segmentId);
    }

    private boolean dependsOn(SavedSegment segment, Set<String> names) {
        try {
            return loader.prepare(segment, facts.asOf()).dependencies().touchedBy(names);
        } catch (RuntimeException e) {
            return true; // it no longer prepares: refresh it, so the failure is recorded and the segment shows stale
        }
    }
}
