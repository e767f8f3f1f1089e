package dev.segmentagent.cli;

import dev.segmentagent.warehouse.WarehouseLockedException;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Start-up failures the user can fix, shown as one message (what, which file, which process, what to do)
 * instead of Micronaut's bean-path stack trace, where the cause sits thirty frames down.
 */
final class StartupFailures {

    private StartupFailures() {
    }

    /** The message of the first cause in the chain that the user can act on. */
    static Optional<String> actionable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WarehouseLockedException locked) {
                return Optional.of(locked.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Prints the actionable message, if there is one; returns whether it did. */
    static boolean report(Throwable e, PrintStream err) {
        Optional<String> message = actionable(e);
        message.ifPresent(m -> err.println("error: " + m));
        return message.isPresent();
    }

    /** The service's launcher: an actionable start-up failure ends the process with one line and a status. */
    static final class Launcher extends Micronaut {
        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            if (!environment.getActiveNames().contains(Environment.TEST) && report(exception, System.err)) {
                System.exit(ExitCode.UNAVAILABLE);
            }
            super.handleStartupException(environment, exception);
        }
    }
}
