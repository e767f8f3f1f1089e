package dev.segmentagent.slack;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that do Slack work after the acknowledgement: Slack gives an endpoint three seconds, while
 * interpreting and previewing may take longer (an LLM call), so the HTTP thread only verifies, parses and
 * hands the work here. A small fixed pool: a burst of commands queues rather than starving the service.
 */
@Singleton
@SlackEnabled
class SlackWorkers {

    private final AtomicInteger counter = new AtomicInteger();
    private final ExecutorService pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(500), r -> {
                Thread thread = new Thread(r, "slack-work-" + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    void submit(Runnable work) {
        pool.execute(work);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
