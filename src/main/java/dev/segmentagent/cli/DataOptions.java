package dev.segmentagent.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the data lives, shared by every command that starts the application context on a data folder. */
class DataOptions {

    @Option(names = "--data-dir", description = "data folder (default: the configured segment.data.dir, ./data)")
    Path dataDir;

    @Option(names = "--customers", description = "demo customers to generate when the data folder is empty")
    Integer customers;
}
