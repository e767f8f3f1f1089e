package dev.segmentagent.jobs;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What job_run must do on every metadata store (H2 and PostgreSQL). */
abstract class JobRunsContract {

    @Inject
    JobRunRepository repository;

    @Inject
    Clock clock;

    @Test
    void a_job_is_recorded_through_its_phases_and_read_back() {
        JobRuns jobs = new JobRuns(repository, clock);
        JobRunRecord queued = jobs.queue(JobRunRecord.TRAINING, "churn-" + System.nanoTime());
        JobRunRecord running = jobs.progress(queued, "scoring", 75);
        jobs.succeeded(running, 4, "{\"auc\": 0.8}");

        JobRunRecord read = jobs.find(queued.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(JobRunRecord.SUCCEEDED);
        assertThat(read.percent()).isEqualTo(100);
        assertThat(read.version()).isEqualTo(4);
        assertThat(read.detailJson()).isEqualTo("{\"auc\": 0.8}");
        assertThat(read.startedAt()).isNotNull();
        assertThat(read.finishedAt()).isNotNull();
        assertThat(jobs.recent(JobRunRecord.TRAINING, 50)).extracting(JobRunRecord::id).contains(queued.id());
    }

    @Test
    void the_first_sweep_fails_what_a_dead_process_left_pending_and_later_sweeps_touch_nothing_new() {
        JobRuns previous = new JobRuns(repository, clock);
        JobRunRecord queued = previous.queue(JobRunRecord.TRAINING, "rfm");
        JobRunRecord running = previous.start(JobRunRecord.IMPORT, "customers,orders");
        JobRunRecord done = previous.succeeded(previous.start(JobRunRecord.IMPORT, "customers"), null, "{}");

        JobRuns restarted = new JobRuns(repository, clock);
        List<JobRunRecord> interrupted = restarted.interruptedAtStart();
        assertThat(interrupted).extracting(JobRunRecord::id).contains(queued.id(), running.id()).doesNotContain(done.id());
        for (JobRunRecord r : List.of(queued, running)) {
            JobRunRecord read = restarted.find(r.id()).orElseThrow();
            assertThat(read.status()).isEqualTo(JobRunRecord.FAILED);
            assertThat(read.error()).isEqualTo(JobRuns.INTERRUPTED);
            assertThat(read.finishedAt()).isNotNull();
        }
        assertThat(restarted.find(done.id()).orElseThrow().status()).isEqualTo(JobRunRecord.SUCCEEDED);

        JobRunRecord fresh = restarted.start(JobRunRecord.IMPORT, "customers");
        assertThat(restarted.interruptedAtStart()).isEqualTo(interrupted);
        assertThat(restarted.find(fresh.id()).orElseThrow().status()).isEqualTo(JobRunRecord.RUNNING);
    }
}
