package dev.segmentagent.cli;

import picocli.CommandLine.Command;

/** The top-level command; each subcommand is one task a script or a person runs. */
@Command(name = "segment-agent", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Describe an audience in plain words, get a validated, explainable, live customer segment.",
        subcommands = {ServeCommand.class, GenerateCommand.class, BenchCommand.class, KeysCommand.class,
        EvalCommand.class, AskCommand.class, PreviewCommand.class, SaveCommandLine.class, ExportCommand.class,
        TrainCommand.class, ImportCommand.class, LoadCommand.class})
public class SegmentAgentCommand {

    private static volatile boolean serving;

    /** True once {@code serve} has started the server, so main() must not exit. */
    public static boolean serving() {
        return serving;
    }

    static void markServing() {
        serving = true;
    }
}
