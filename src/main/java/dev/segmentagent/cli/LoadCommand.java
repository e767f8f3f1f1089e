package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.segmentagent.load.EventLedger;
import dev.segmentagent.load.LoadDriver;
import dev.segmentagent.load.LoadMix;
import dev.segmentagent.load.LoadPlan;
import dev.segmentagent.load.LoadReport;
import dev.segmentagent.security.ApiKeys;
import dev.segmentagent.security.Role;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseConfig;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Starts the real service on a random loopback port and holds it under concurrent preview, save and generate
 * calls plus event ingestion for a bounded time, then checks that every acknowledged event is stored. Exits
 * non-zero when one is missing.
 */
@Command(name = "load", description = "Load-test the service on loopback: concurrent preview/save/generate and event "
        + "ingestion for a bounded time; reports req/s, latency percentiles, errors and event loss.")
class LoadCommand implements Callable<Integer> {

    /** Limits are per key and every virtual user shares the run's key: raised so the run measures the service. */
    private static final int UNLIMITED = 100_000_000;

    @Option(names = "--customers", defaultValue = "50000", description = "demo customers (default ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--data-dir", description = "data folder to generate into or reuse (default ./data/load-<customers>)")
    Path dataDir;

    @Option(names = "--users", defaultValue = "8", description = "concurrent virtual users sending preview/save/generate (0..256, 0: events only, default ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--seconds", defaultValue = "30", description = "run time (1..600, default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--events-per-second", defaultValue = "1000", description = "target event rate, 0 for none (default ${DEFAULT-VALUE})")
    int eventsPerSecond;

    @Option(names = "--mix", defaultValue = LoadMix.DEFAULT, description = "weights of the users' calls (default ${DEFAULT-VALUE}; "
            + "preview=1 measures previews alone)")
    String mix;

    @Option(names = "--no-security", description = "run with access control off (default: on, with a key issued for the run and revoked after)")
    boolean noSecurity;

    @Option(names = "--json", description = "also write the report as JSON to this file")
    Path json;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : Path.of("data", "load-" + customers);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("segment.data.dir", dir.toString());
        properties.put("segment.data.demo-customers", customers);
        properties.put("micronaut.server.host", "127.0.0.1"); // loopback only
        properties.put("micronaut.server.port", -1);
        // background training would compete for the same cores at unpredictable moments
        properties.put("segment.models.train-on-start", false);
        properties.put("segment.security.enabled", !noSecurity);
        properties.put("segment.limits.requests-per-minute", UNLIMITED);
        properties.put("segment.limits.generate-per-minute", UNLIMITED);
        properties.put("segment.limits.tokens-per-day", (long) UNLIMITED * 100);

        // the service's logs print to System.out too: while it runs they go to stderr, so stdout carries the report
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            return run(properties, out);
        } finally {
            System.setOut(out);
        }
    }

    private int run(Map<String, Object> properties, PrintStream out) throws Exception {
        LoadDriver.Outcome outcome;
        Path warehouseFile;
        long customerCount;
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            warehouseFile = context.getBean(WarehouseConfig.class).warehouseFile();
            WarehouseFacts facts = context.getBean(WarehouseFacts.class);
            customerCount = facts.customerCount();
            LoadPlan plan = new LoadPlan(users, Duration.ofSeconds(seconds), eventsPerSecond, LoadMix.parse(mix),
                    LoadPlan.benchConditions(),
                    LoadPlan.GENERATE_REQUESTS, customerIds(context.getBean(DuckDbWarehouse.class)), facts.asOf());
            ApiKeys keys = context.getBean(ApiKeys.class);
            // issued before the server starts, so the first-start listener sees a key and prints none of its own
            ApiKeys.IssuedKey key = noSecurity ? null : keys.issue("load-" + Instant.now(), Role.ADMIN, "load");
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            try {
                System.err.printf("load: %s, %d users, %d s, %d events/s%n", server.getURI(), users, seconds, eventsPerSecond);
                outcome = new LoadDriver(server.getURI(), key == null ? null : key.key()).run(plan);
            } finally {
                // before stopping: stopping the embedded server closes the application context as well
                if (key != null) {
                    keys.revoke(key.view().id());
                }
                server.stop();
            }
        }
        LoadReport.Events events = EventLedger.check(warehouseFile, outcome, eventsPerSecond);
        LoadReport report = new LoadReport(machine(), customerCount, users, mix, outcome.seconds(), !noSecurity,
                outcome.requests(), events);
        out.println(report.toTable());
        if (json != null) {
            Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            out.println("JSON report: " + json);
        }
        return events.zeroLoss() ? 0 : ExitCode.FAILED;
    }

    /** Up to 10,000 real customer ids for the events, sampled so they spread over the whole table. */
    private static long[] customerIds(DuckDbWarehouse warehouse) throws Exception {
        return warehouse.readOnly(connection -> {
            List<Long> ids = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT customer_id FROM customers USING SAMPLE 10000 ROWS")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        });
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format("%d cores, %d MiB max heap, Java %s, %s", runtime.availableProcessors(),
                runtime.maxMemory() >> 20, System.getProperty("java.version"), System.getProperty("os.name"));
    }
}
