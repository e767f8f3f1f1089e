package dev.segmentagent.slack;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Slack workers that a test can hold: while closed, submitted work waits, so a test can see the acknowledgement
 * arrive while the answer has provably not been computed yet. Open, it behaves like the real workers.
 */
@Singleton
@Replaces(SlackWorkers.class)
@Requires(property = "slack-test.gated-workers", value = "true")
class GatedSlackWorkers extends SlackWorkers {

    private final List<Runnable> held = new ArrayList<>();
    private boolean closed;

    synchronized void close() {
        closed = true;
    }

    synchronized int heldCount() {
        return held.size();
    }

    void open() {
        List<Runnable> release;
        synchronized (this) {
            closed = false;
            release = new ArrayList<>(held);
            held.clear();
        }
        release.forEach(super::submit);
    }

    @Override
    void submit(Runnable work) {
        synchronized (this) {
            if (closed) {
                held.add(work);
                return;
            }
        }
        super.submit(work);
    }
}
