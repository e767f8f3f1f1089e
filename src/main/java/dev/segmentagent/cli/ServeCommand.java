package dev.segmentagent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Starts the HTTP service (the default when the jar is run without arguments). */
@Command(name = "serve", description = "Start the service (web UI, REST API) on the embedded default or configured stores.")
class ServeCommand implements Runnable {

    @Option(names = "--port", description = "HTTP port (default 8080, or SEGMENT_PORT)")
    Integer port;

    @Option(names = "--data-dir", description = "data folder for the DuckDB warehouse and embedded metadata (default ./data)")
    Path dataDir;

    @Option(names = "--customers", description = "demo customers to generate when the warehouse is empty (default 50000)")
    Integer customers;

    @Override
    public void run() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (port != null) {
            properties.put("micronaut.server.port", port);
        }
        if (dataDir != null) {
            properties.put("segment.data.dir", dataDir.toString());
        }
        if (customers != null) {
            properties.put("segment.data.demo-customers", customers);
        }
        new StartupFailures.Launcher().args(new String[0]).mainClass(ServeCommand.class).properties(properties).banner(false).start();
        SegmentAgentCommand.markServing();
    }
}
