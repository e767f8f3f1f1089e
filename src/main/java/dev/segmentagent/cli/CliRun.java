package dev.segmentagent.cli;

import dev.segmentagent.interpret.AskRequestException;
import dev.segmentagent.interpret.InterpreterFailureException;
import dev.segmentagent.live.SegmentNotFoundException;
import dev.segmentagent.preview.DefinitionRejectedException;
import dev.segmentagent.segment.DefinitionFormatException;
import dev.segmentagent.segment.ValidationIssue;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the application context on a data folder (as the service would, minus the HTTP server, the refresh
 * schedule and background training, which a one-shot command must not leave running) and turns the services'
 * exceptions into a message on stderr and an {@link ExitCode}, so scripts see the same failures REST clients do.
 */
final class CliRun {

    @FunctionalInterface
    interface Body {
        int run(ApplicationContext context, PrintStream out) throws Exception;
    }

    private CliRun() {
    }

    static int withContext(DataOptions data, Map<String, Object> extra, Body body) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.enabled", false);
        properties.put("segment.models.train-on-start", false);
        properties.put("segment.live.schedule-enabled", false);
        if (data.dataDir != null) {
            properties.put("segment.data.dir", data.dataDir.toString());
        }
        if (data.customers != null) {
            properties.put("segment.data.demo-customers", data.customers);
        }
        properties.putAll(extra);
        // Logs and library chatter print to System.out too; while the command runs they go to stderr, so stdout
        // carries only the command's own output and `--json | jq` or `--out -` pipes stay clean.
        PrintStream out = System.out;
        System.setOut(System.err);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            return body.run(context, out);
        } catch (Exception e) {
            return report(e, System.err);
        } finally {
            out.flush();
            System.setOut(out);
        }
    }

    /** One clear message per failure the caller can act on; the code says which kind it was. */
    static int report(Throwable e, PrintStream err) {
        if (StartupFailures.report(e, err)) {
            return ExitCode.UNAVAILABLE;
        }
        if (e instanceof DefinitionRejectedException rejected) {
            err.println("error: the definition is not valid:");
            for (ValidationIssue issue : rejected.result().errors()) {
                err.printf("  - %s at %s: %s%s%n", issue.code(), issue.path(), issue.message(),
                        issue.suggestions().isEmpty() ? "" : " (try: " + String.join(", ", issue.suggestions()) + ")");
            }
            return ExitCode.INVALID;
        }
        if (e instanceof DefinitionFormatException format) {
            err.printf("error: the definition is not in the definition format: %s at %s: %s%n",
                    format.code(), format.path(), format.detail());
            return ExitCode.INVALID;
        }
        if (e instanceof AskRequestException ask) {
            err.println("error: " + ask.code() + ": " + ask.getMessage());
            return ExitCode.INVALID;
        }
        if (e instanceof SegmentNotFoundException missing) {
            err.println("error: there is no segment " + missing.id());
            return ExitCode.NOT_FOUND;
        }
        if (e instanceof NoSuchFileException missing) {
            err.println("error: no such file: " + missing.getFile());
            return ExitCode.NOT_FOUND;
        }
        if (e instanceof InterpreterFailureException failure) {
            err.println("error: the interpreter failed (" + failure.code() + "): " + failure.getMessage());
            return ExitCode.FAILED;
        }
        if (e instanceof CliException cli) {
            err.println("error: " + cli.getMessage());
            return cli.exitCode();
        }
        err.println("error: " + e);
        return ExitCode.FAILED;
    }

    /** A failure a command detects itself, with the exit code it should end with. */
    static final class CliException extends RuntimeException {
        private final int exitCode;

        CliException(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }
}
