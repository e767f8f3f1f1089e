package dev.segmentagent;

import dev.segmentagent.cli.SegmentAgentCommand;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import picocli.CommandLine;

/**
 * One jar, two faces: with no arguments (or {@code serve}) it starts the HTTP service; otherwise it runs a
 * command-line task ({@code generate}, ...) and exits with its status.
 */
@OpenAPIDefinition(info = @Info(title = "Segment Agent", version = "0.1",
        description = "Describe an audience in plain words; get a validated, explainable, live customer segment. "
                + "Errors are application/problem+json with a code and the stage that failed.",
        license = @License(name = "Apache-2.0")))
public class Application {

    public static void main(String[] args) {
        int status = new CommandLine(new SegmentAgentCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args.length == 0 ? new String[]{"serve"} : args);
        if (status != 0 || !SegmentAgentCommand.serving()) {
            System.exit(status);
        }
    }
}
