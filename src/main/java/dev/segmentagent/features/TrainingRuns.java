package dev.segmentagent.features;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.segmentagent.jobs.JobRunRecord;
import dev.segmentagent.jobs.JobRuns;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Training runs in the background, one at a time, on a single daemon thread: POST /train answers at once
 * with a run id, and GET /runs/{id} shows the phase and percentage. Asking to train a model that already has
 * a queued or running run returns that run instead of queueing a second one.
 *
 * <p>Each run is also a job_run row, written at every phase: a run cut short by a crash is marked failed at the
 * next start, and GET /runs/{id} still answers for runs of an earlier process.
 */
@Singleton
public class TrainingRuns {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRuns.class);

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /** What GET /api/models/runs/{id} shows. */
    public record RunView(UUID id, String model, Status status, String phase, int percent, Instant queuedAt,
                          Instant startedAt, Instant finishedAt, Integer version, Map<String, Object> metrics,
                          String error) {}

    private final ModelService models;
    private final Clock clock;
    private final JobRuns jobs;
    private final Map<UUID, RunView> runs = new ConcurrentHashMap<>();
    private final Map<UUID, JobRunRecord> records = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "model-training");
        thread.setDaemon(true);
        return thread;
    });

    TrainingRuns(ModelService models, Clock clock, JobRuns jobs) {
        this.models = models;
        this.clock = clock;
        this.jobs = jobs;
    }

    public Optional<RunView> run(UUID id) {
        RunView live = runs.get(id);
        return live != null ? Optional.of(live)
                : jobs.find(id).filter(r -> r.kind().equals(JobRunRecord.TRAINING)).map(TrainingRuns::view);
    }

    /** Queues a training of {@code name} (which must be trainable) or returns the one already pending. */
    public synchronized RunView submit(String name) {
        Optional<RunView> pending = runs.values().stream()
                .filter(r -> r.model().equals(name) && (r.status() == Status.QUEUED || r.status() == Status.RUNNING))
                .findFirst();
        if (pending.isPresent()) {
            return pending.get();
        }
        JobRunRecord record = jobs.queue(JobRunRecord.TRAINING, name);
        UUID id = record.id();
        records.put(id, record);
        RunView queued = new RunView(id, name, Status.QUEUED, "queued", 0, clock.instant(), null, null, null, null, null);
        runs.put(id, queued);
        executor.submit(() -> execute(id));
        return queued;
    }

    private void execute(UUID id) {
        RunView queued = runs.get(id);
        Instant started = clock.instant();
        update(id, Status.RUNNING, "starting", 0, started, null, null, null, null);
        try {
            ModelService.Result result = models.train(queued.model(), (phase, percent) -> {
                LOG.info("training {}: {} ({}%)", queued.model(), phase, percent);
                update(id, Status.RUNNING, phase, percent, started, null, null, null, null);
            });
            update(id, Status.SUCCEEDED, "done", 100, started, clock.instant(), result.version(), result.metrics(), null);
        } catch (RuntimeException | Error e) {
            LOG.warn("training run {} of {} failed", id, queued.model(), e);
            RunView last = runs.get(id);
            update(id, Status.FAILED, last.phase(), last.percent(), started, clock.instant(), null, null, e.toString());
        }
    }

    private void update(UUID id, Status status, String phase, int percent, Instant started, Instant finished,
                        Integer version, Map<String, Object> metrics, String error) {
        runs.computeIfPresent(id, (key, old) -> new RunView(id, old.model(), status, phase, percent, old.queuedAt(),
                started, finished, version, metrics, error));
        persist(id, status, phase, percent, version, metrics, error);
    }

    /** Writes the run's state to its job_run row; a metadata store hiccup costs the record, not the training. */
    private void persist(UUID id, Status status, String phase, int percent, Integer version,
                         Map<String, Object> metrics, String error) {
        try {
            records.computeIfPresent(id, (key, record) -> switch (status) {
                case SUCCEEDED -> jobs.succeeded(record, version, json(metrics));
                case FAILED -> jobs.failed(record, error);
                default -> jobs.progress(record, phase, percent);
            });
            if (status == Status.SUCCEEDED || status == Status.FAILED) {
                records.remove(id);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record the state of training run {}: {}", id, e.toString());
        }
    }

    private static String json(Map<String, Object> metrics) {
        try {
            return metrics == null ? null : ModelFiles.JSON.writeValueAsString(metrics);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** A run of an earlier process, as its job_run row has it. */
    private static RunView view(JobRunRecord r) {
        Map<String, Object> metrics = null;
        try {
            metrics = r.detailJson() == null ? null
                    : ModelFiles.JSON.readValue(r.detailJson(), new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            // metrics are shown when readable; the run's outcome does not depend on them
        }
        return new RunView(r.id(), r.subject(), Status.valueOf(r.status().toUpperCase(java.util.Locale.ROOT)),
                r.phase(), r.percent(), r.queuedAt(), r.startedAt(), r.finishedAt(), r.version(), metrics, r.error());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
