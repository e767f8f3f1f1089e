package dev.segmentagent;

import dev.segmentagent.cli.SegmentAgentCommand;
import picocli.CommandLine;

/**
 * One jar, two faces: with no arguments (or {@code serve}) it starts the HTTP service; otherwise it runs a
 * command-line task ({@code generate}, ...) and exits with its status.
 */
public class Application {

    public static void main(String[] args) {
        int status = new CommandLine(new SegmentAgentCommand()).execute(args.length == 0 ? new String[]{"serve"} : args);
        if (status != 0 || !SegmentAgentCommand.serving()) {
            System.exit(status);
        }
    }
}
