package dev.segmentagent.jobs;

import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The job_run table: imports and model trainings write a row when they are queued or start and update it at
 * each phase, so one cut short by a crash is found at the next start ({@link #failInterrupted}) and shown as
 * failed with the reason instead of running forever or vanishing.
 */
@Singleton
public class JobRuns {

    /** The error of a job the previous process left queued or running. */
    public static final String INTERRUPTED = "interrupted: the service stopped while this job was queued or in "
            + "progress; each table it writes is swapped in whole, so it holds the data from before the job, or "
            + "the job's own when the stop came after that swap";

    private final JobRunRepository runs;
    private final Clock clock;
    private List<JobRunRecord> interrupted;

    JobRuns(JobRunRepository runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    public JobRunRecord queue(String kind, String subject) {
        return runs.save(new JobRunRecord(UUID.randomUUID(), kind, subject, JobRunRecord.QUEUED, "queued", 0,
                clock.instant(), null, null, null, null, null));
    }

    public JobRunRecord start(String kind, String subject) {
        Instant now = clock.instant();
        return runs.save(new JobRunRecord(UUID.randomUUID(), kind, subject, JobRunRecord.RUNNING, "starting", 0,
                now, now, null, null, null, null));
    }

    public JobRunRecord progress(JobRunRecord run, String phase, int percent) {
        Instant started = run.startedAt() == null ? clock.instant() : run.startedAt();
        return runs.update(run.progressed(phase, percent, started));
    }

    public JobRunRecord succeeded(JobRunRecord run, Integer version, String detailJson) {
        return runs.update(run.succeeded(clock.instant(), version, detailJson));
    }

    public JobRunRecord failed(JobRunRecord run, String reason) {
        return runs.update(run.failed(clock.instant(), reason));
    }

    public Optional<JobRunRecord> find(UUID id) {
        return runs.findById(id);
    }

    /** The latest jobs of a kind, newest first. */
    public List<JobRunRecord> recent(String kind, int limit) {
        return runs.findByKindOrderByQueuedAtDesc(kind, Pageable.from(0, limit));
    }

    /**
     * The jobs a dead process left queued or running, marked failed by the first call (at start-up, before this
     * process queues any): later calls return the same list, so every start-up listener that repairs after a
     * kind of job sees them, whichever runs first.
     */
    public synchronized List<JobRunRecord> interruptedAtStart() {
        if (interrupted == null) {
            List<JobRunRecord> pending = runs.findByStatusIn(List.of(JobRunRecord.QUEUED, JobRunRecord.RUNNING));
            runs.failPending(clock.instant(), INTERRUPTED);
            interrupted = List.copyOf(pending);
        }
        return interrupted;
    }
}
