package dev.segmentagent.live;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.catalog.FeatureBuilder;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseException;
import dev.segmentagent.warehouse.WarehouseFacts;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * After new behaviour for a few customers: recompute just their customer_features rows (the catalog's own
 * derivations, limited to them), then re-evaluate only the segments that depend on what changed, only for
 * those customers, in one shared scan, and record who entered and who left. No full refresh.
 */
@Singleton
class IncrementalUpdate {

    static final String TRIGGER = "event";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IncrementalUpdate.class);

    private final DuckDbWarehouse warehouse;
    private final CatalogService catalogs;
    private final WarehouseFacts facts;
    private final LiveSegmentLoader loader;
    private final SharedScan scan;
    private final MembershipTable memberships;
    private final RunLog runLog;
    private final LiveRefresher refresher;
    private final LiveLock lock;
    private final FeatureBuilder features = new FeatureBuilder();

    IncrementalUpdate(DuckDbWarehouse warehouse, CatalogService catalogs, WarehouseFacts facts,
                      LiveSegmentLoader loader, SharedScan scan, MembershipTable memberships, RunLog runLog,
                      LiveRefresher refresher, LiveLock lock) {
        this.warehouse = warehouse;
        this.catalogs = catalogs;
        this.facts = facts;
        this.loader = loader;
        this.scan = scan;
        this.memberships = memberships;
        this.runLog = runLog;
        this.refresher = refresher;
        this.lock = lock;
    }

    /** What one update did: segments re-evaluated and the runs that changed a membership. */
    record Outcome(int customers, int segmentsEvaluated, List<RefreshRunRecord> changedRuns) {}

    /**
     * @param customers the customers whose behaviour changed
     * @param touched   what changed: tables and event types (matched against each segment's dependencies)
     */
    Outcome apply(Set<Long> customers, Set<String> touched) {
        long[] scope = customers.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        if (scope.length == 0) {
            return new Outcome(0, 0, List.of());
        }
        return lock.with(() -> {
            Instant asOf = facts.asOf();
            Catalog catalog = catalogs.catalog();
            long t0 = System.nanoTime();
            List<LiveSegment> affected;
            Map<UUID, long[]> members;
            long t1;
            long t2;
            long t3;
            // one connection holding TEMP copies of the scope's rows: each table is scanned once per update, and
            // the feature and segment statements run over those few rows
            try (Connection connection = warehouse.connection()) {
                ScopedCopies copies = new ScopedCopies(connection, scope);
                copies.copy(catalog, FeatureBuilder.tablesRead(catalog, touched));
                t1 = System.nanoTime();
                features.rebuildScoped(connection, catalog, asOf, touched);
                // its TEMP copy of the scope's customer_features rows is the new one: the scan reads it as is
                copies.adopt(FeatureBuilder.FEATURE_TABLE);
                t2 = System.nanoTime();
                affected = loader.allCached(asOf, catalog).ready().stream()
                        .filter(s -> s.dependencies().touchedBy(touched)).toList();
                members = scan.members(affected, scope, copies);
                t3 = System.nanoTime();
            } catch (SQLException e) {
                throw new WarehouseException("incremental update of " + scope.length + " customers failed: "
                        + e.getMessage(), e);
            }
            List<RefreshRunRecord> changed = new java.util.ArrayList<>();
            Instant started = runLog.now();
            List<MembershipTable.Replacement> sets = new java.util.ArrayList<>();
            for (LiveSegment segment : affected) {
                sets.add(new MembershipTable.Replacement(segment.id(), segment.version(), members.get(segment.id()),
                        UUID.randomUUID()));
            }
            // every affected segment in one transaction: one read of the scope's memberships, set-based writes
            Map<UUID, MembershipTable.Diff> diffs = memberships.replaceAll(sets, scope, started);
            long t4 = System.nanoTime();
            long logged = 0;
            for (int i = 0; i < affected.size(); i++) {
                LiveSegment segment = affected.get(i);
                MembershipTable.Diff diff = diffs.get(segment.id());
                if (diff.changed()) {
                    long r0 = System.nanoTime();
                    RefreshRunRecord run = runLog.completed(sets.get(i).runId(), segment, TRIGGER, asOf, started, diff);
                    logged += System.nanoTime() - r0;
                    changed.add(run);
                    refresher.publish(segment, run, TRIGGER, diff);
                }
            }
            long t5 = System.nanoTime();
            LOG.debug("incremental update of {} customers: copy {} ms, features {} ms, scan of {} segments {} ms, "
                            + "write {} ms, run log of {} changed {} ms, publish {} ms",
                    scope.length, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, affected.size(), (t3 - t2) / 1_000_000,
                    (t4 - t3) / 1_000_000, changed.size(), logged / 1_000_000, (t5 - t4 - logged) / 1_000_000);
            return new Outcome(scope.length, affected.size(), changed);
        });
    }
}
