package dev.segmentagent.bench;

import dev.segmentagent.interpret.OfflinePlanner;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Offline planner latency: request text to a definition (or a question back), over requests of the eval set. */
@Singleton
class PlannerBench {

    static final String REQUESTS = "/bench/planner-requests.txt";

    private final OfflinePlanner planner;

    PlannerBench(OfflinePlanner planner) {
        this.planner = planner;
    }

    LatencyStats run(List<String> requests, int rounds) {
        requests.forEach(planner::interpret); // warm-up
        long[] nanos = new long[requests.size() * rounds];
        int i = 0;
        for (int round = 0; round < rounds; round++) {
            for (String request : requests) {
                long start = System.nanoTime();
                planner.interpret(request);
                nanos[i++] = System.nanoTime() - start;
            }
        }
        return LatencyStats.of(nanos, 1e6, "ms");
    }

    static List<String> requests() {
        try (InputStream in = PlannerBench.class.getResourceAsStream(REQUESTS);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + REQUESTS, e);
        }
    }
}
