package dev.segmentagent.live;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import dev.segmentagent.jobs.JobRuns;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * At start, refresh runs still marked running belong to a process that died (kill -9, power loss): nothing
 * will ever close them, so they are marked failed with the reason. Their memberships need no repair: each
 * segment's new members are swapped in by one DuckDB transaction, so a killed run left the old set whole.
 * Imports and model trainings left queued or running ({@link JobRuns}) are failed the same way: an import swaps
 * its tables in one transaction and a training its scores, so the data from before them is whole too.
 *
 * <p>This assumes one process per metadata store, which the embedded default guarantees (DuckDB holds an
 * exclusive lock on the warehouse file); several instances on one PostgreSQL store would need a lease per run.
 */
@Singleton
class InterruptedRunRecovery implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedRunRecovery.class);
    static final String REASON = "interrupted: the service stopped while this run was in progress; "
            + "the members from before it were kept";

    private final RefreshRunRepository runs;
    private final JobRuns jobs;
    private final Clock clock;

    InterruptedRunRecovery(RefreshRunRepository runs, JobRuns jobs, Clock clock) {
        this.runs = runs;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        long closed = runs.failRunning(clock.instant(), REASON);
        if (closed > 0) {
            LOG.warn("marked {} interrupted refresh run(s) as failed", closed);
        }
        long jobsClosed = jobs.interruptedAtStart().size();
        if (jobsClosed > 0) {
            LOG.warn("marked {} interrupted import or training job(s) as failed", jobsClosed);
        }
    }
}
