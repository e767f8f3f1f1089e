package dev.segmentagent.features;

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
    private final Map<UUID, RunView> runs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "model-training");
        thread.setDaemon(true);
        return thread;
    });

    TrainingRuns(ModelService models, Clock clock) {
        this.models = models;
        this.clock = clock;
    }

    public Optional<RunView> run(UUID id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Queues a training of {@code name} (which must be trainable) or returns the one already pending. */
    public synchronized RunView submit(String name) {
        Optional<RunView> pending = runs.values().stream()
                .filter(r -> r.model().equals(name) && (r.status() == Status.QUEUED || r.status() == Status.RUNNING))
                .findFirst();
        if (pending.isPresent()) {
            return pending.get();
        }
        UUID id = UUID.randomUUID();
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
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
