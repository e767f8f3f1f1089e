package dev.segmentagent.warehouse;

/**
 * Where long-running warehouse work reports how far it got. Kept apart from the progress bar library so
 * tests and servers can stay quiet.
 */
public interface ProgressReporter {

    /** Starts a task of {@code total} units; the caller closes it when done. */
    Task start(String name, long total);

    interface Task extends AutoCloseable {
        void advance(long units);

        @Override
        void close();
    }

    static ProgressReporter silent() {
        return (name, total) -> new Task() {
            @Override
            public void advance(long units) {
                // nothing to show
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    /** A text progress bar on stderr, so stdout stays clean for piped output. */
    static ProgressReporter console() {
        return new ConsoleProgressReporter();
    }
}
