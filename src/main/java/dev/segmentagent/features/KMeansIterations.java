package dev.segmentagent.features;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * How many Lloyd iterations a Tribuo k-means fit ran, for the bench's side-by-side with scikit-learn's
 * {@code n_iter_}: Tribuo's KMeansModel does not record it, but its trainer logs one INFO line per iteration
 * ("Iteration i completed. n examples updated."), which is counted here while the fit runs and shown nowhere.
 * A diagnostic for the bench only; the service never needs the number.
 */
final class KMeansIterations {

    private static final String TRAINER_LOGGER = "org.tribuo.clustering.kmeans.KMeansTrainer";

    /** A fit's result and the iterations counted during it (0 when Tribuo's log line changed shape). */
    record Counted<T>(T result, int iterations) {}

    private KMeansIterations() {
    }

    static synchronized <T> Counted<T> count(Supplier<T> fit) {
        Logger logger = Logger.getLogger(TRAINER_LOGGER); // held here, so its level is not forgotten meanwhile
        AtomicInteger iterations = new AtomicInteger();
        Handler counter = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && record.getMessage().startsWith("Iteration ")) {
                    iterations.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = logger.getLevel();
        boolean parents = logger.getUseParentHandlers();
        logger.setLevel(Level.INFO);
        logger.setUseParentHandlers(false); // counted, not printed
        logger.addHandler(counter);
        try {
            T result = fit.get();
            return new Counted<>(result, iterations.get());
        } finally {
            logger.removeHandler(counter);
            logger.setUseParentHandlers(parents);
            logger.setLevel(level);
        }
    }
}
