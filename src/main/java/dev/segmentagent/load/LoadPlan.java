package dev.segmentagent.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a load run sends: the bench's mix of 20 typical definitions (for previews and saves), requests in words
 * for generate, and the customers and as-of instant events are made for (events must name real customers and
 * fall before the data's as-of, or the service rightly rejects them).
 *
 * @param users           concurrent virtual users sending preview/save/generate (0: events only)
 * @param duration        how long the users and the event feeder run
 * @param eventsPerSecond the event feeder's target rate (0: no events)
 * @param mix             how the users' calls split between preview, save and generate
 */
public record LoadPlan(int users, Duration duration, int eventsPerSecond, LoadMix mix, List<JsonNode> conditions,
                       List<String> generateRequests, long[] customerIds, Instant asOf) {

    static final int MAX_USERS = 256;
    static final Duration MAX_DURATION = Duration.ofMinutes(10);
    static final int MAX_EVENTS_PER_SECOND = 50_000;

    /** The same requests the eval and generate tests use: ones the offline planner answers with a draft. */
    public static final List<String> GENERATE_REQUESTS = List.of(
            "gold or platinum loyalty members in Germany or France",
            "customers who bought shoes in the last 90 days",
            "high value customers whose email engagement is dropping",
            "customers who added to cart in the last 7 days but did not purchase",
            "lapsed buyers with at least 2 orders");

    public LoadPlan {
        // bounded in count and time: a typo must not turn a loopback check into a runaway
        if (users < 0 || users > MAX_USERS) {
            throw new IllegalArgumentException("users must be 0.." + MAX_USERS);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be 1 s to " + MAX_DURATION.toMinutes() + " min");
        }
        if (eventsPerSecond < 0 || eventsPerSecond > MAX_EVENTS_PER_SECOND) {
            throw new IllegalArgumentException("events per second must be 0.." + MAX_EVENTS_PER_SECOND);
        }
        if (users == 0 && eventsPerSecond == 0) {
            throw new IllegalArgumentException("nothing to send: give users or an event rate");
        }
        if (conditions.isEmpty() || customerIds.length == 0) {
            throw new IllegalArgumentException("a load run needs definitions and customers");
        }
        conditions = List.copyOf(conditions);
        generateRequests = List.copyOf(generateRequests);
    }

    /** The conditions of the bench's definition mix ({@code /bench/preview-mix.jsonl}). */
    public static List<JsonNode> benchConditions() {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = LoadPlan.class.getResourceAsStream("/bench/preview-mix.jsonl");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).map(line -> {
                try {
                    return mapper.readTree(line).get("condition");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bench mix", e);
        }
    }
}
