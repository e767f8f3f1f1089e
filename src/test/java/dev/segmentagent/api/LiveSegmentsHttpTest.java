package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.live.Holdout;
import dev.segmentagent.live.LiveSegments;
import dev.segmentagent.live.RefreshRunRecord;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import dev.segmentagent.warehouse.WarehouseFacts;
import dev.segmentagent.warehouse.CustomerIndexes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Live segments as a client uses them, over real HTTP on the generated demo data (3,000 customers). Expected
 * members come from hand-written SQL over customer_features and the raw tables, never from the compiler.
 * The warehouse persists between runs, so every test creates its own segments and event ids. Full refreshes
 * run in batches of two segments here, so a refresh of all segments always spans several batches.
 */
@MicronautTest
@io.micronaut.context.annotation.Property(name = "segment.live.refresh-batch-segments", value = "2")
class LiveSegmentsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DuckDbWarehouse warehouse;

    @Inject
    WarehouseFacts facts;

    @Inject
    LiveSegments live;

    @Test
    void saving_materialises_the_members_and_a_new_version_records_who_entered_and_exited() throws Exception {
        String id = create("live-de-fr", "{\"type\": \"and\", \"conditions\": ["
                + "{\"type\": \"in\", \"field\": \"country\", \"values\": [\"DE\", \"FR\"]},"
                + "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 2}]}");
        Set<Long> before = ids("SELECT customer_id FROM customer_features WHERE country IN ('DE', 'FR') AND orders_365d >= 2");
        assertThat(members(id)).isEqualTo(before).isNotEmpty();

        // version 2 widens the countries and tightens the orders: some enter, some leave
        put(id, "live-de-fr", "{\"type\": \"and\", \"conditions\": ["
                + "{\"type\": \"in\", \"field\": \"country\", \"values\": [\"DE\", \"FR\", \"ES\"]},"
                + "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 3}]}");
        Set<Long> after = ids("SELECT customer_id FROM customer_features WHERE country IN ('DE', 'FR', 'ES') AND orders_365d >= 3");
        assertThat(members(id)).isEqualTo(after);

        JsonNode runs = get("/api/segments/" + id + "/history").get("runs");
        assertThat(runs).hasSize(2);
        JsonNode latest = runs.get(0);
        assertThat(latest.get("status").asText()).isEqualTo("succeeded");
        assertThat(latest.get("trigger").asText()).isEqualTo("save");
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("size").asLong()).isEqualTo(after.size());
        assertThat(latest.get("entered").asLong()).isEqualTo(minus(after, before).size()).isPositive();
        assertThat(latest.get("exited").asLong()).isEqualTo(minus(before, after).size()).isPositive();
        assertThat(runs.get(1).get("entered").asLong()).isEqualTo(before.size());

        long leaver = minus(before, after).iterator().next();
        JsonNode timeline = get("/api/customers/" + leaver + "/segments").get("timeline");
        List<String> changes = new ArrayList<>();
        timeline.forEach(t -> {
            if (t.get("segmentId").asText().equals(id)) {
                changes.add(t.get("change").asText());
            }
        });
        assertThat(changes).containsExactly("exited", "entered"); // newest first
    }

    @Test
    void on_demand_refresh_of_all_segments_in_one_scan_gives_each_segment_its_own_recomputed_members() throws Exception {
        String a = create("live-scan-a", "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 4}");
        String b = create("live-scan-b", "{\"type\": \"event\", \"event\": \"add_to_cart\", \"window\": {\"lastDays\": 30},"
                + " \"count\": {\"op\": \">=\", \"value\": 2}}");
        String c = create("live-scan-c", "{\"type\": \"not\", \"condition\": {\"type\": \"inSegment\", \"segment\": \"" + a + "\"}}");

        List<RefreshRunRecord> runs = live.refreshAll(LiveSegments.MANUAL);

        assertThat(runs).extracting(RefreshRunRecord::segmentId).contains(UUID.fromString(a), UUID.fromString(b), UUID.fromString(c));
        assertThat(runs).filteredOn(r -> Set.of(a, b, c).contains(r.segmentId().toString()))
                .hasSize(3).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo("succeeded"));
        Set<Long> expectedA = ids("SELECT customer_id FROM customer_features WHERE orders_365d >= 4");
        assertThat(members(a)).isEqualTo(expectedA);
        assertThat(members(b)).isEqualTo(ids("SELECT customer_id FROM web_events WHERE event_type = 'add_to_cart'"
                + " AND occurred_at >= TIMESTAMP '" + ts(facts.asOf().minus(Duration.ofDays(30))) + "'"
                + " AND occurred_at < TIMESTAMP '" + ts(facts.asOf()) + "' GROUP BY 1 HAVING count(*) >= 2"));
        Set<Long> all = ids("SELECT customer_id FROM customer_features");
        assertThat(members(c)).isEqualTo(minus(all, expectedA));

        JsonNode run = post("/api/segments/" + a + "/refresh", "{}");
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("trigger").asText()).isEqualTo("manual");
        assertThat(run.get("entered").asLong()).isZero();
        assertThat(run.get("exited").asLong()).isZero();
        assertThat(run.get("size").asLong()).isEqualTo(expectedA.size());
    }

    @Test
    void a_reader_during_refreshes_sees_the_old_set_or_the_new_set_never_a_mix() throws Exception {
        String low = "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 1}";
        String high = "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 3}";
        String id = create("live-swap", low);
        Set<Long> lowSet = ids("SELECT customer_id FROM customer_features WHERE orders_365d >= 1");
        Set<Long> highSet = ids("SELECT customer_id FROM customer_features WHERE orders_365d >= 3");
        List<Long> allowed = List.of(fingerprint(lowSet), fingerprint(highSet));

        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            try (Connection connection = warehouse.connection();
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT count(*) * 1000003 + COALESCE(sum(customer_id), 0) FROM segment_members WHERE segment_id = ?")) {
                select.setString(1, id);
                while (!done.get()) {
                    try (ResultSet rs = select.executeQuery()) {
                        rs.next();
                        seen.add(rs.getLong(1));
                    }
                }
            } catch (Exception e) {
                seen.add(Long.MIN_VALUE);
            }
        });
        reader.start();
        for (int i = 0; i < 6; i++) {
            put(id, "live-swap", i % 2 == 0 ? high : low);
        }
        done.set(true);
        reader.join();

        assertThat(seen).isNotEmpty();
        assertThat(Set.copyOf(seen)).isSubsetOf(allowed);
    }

    @Test
    void a_refresh_that_fails_keeps_the_previous_members_and_shows_the_segment_stale_with_the_reason() throws Exception {
        String base = create("live-base", "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 2}");
        String reuser = create("live-reuser", "{\"type\": \"and\", \"conditions\": ["
                + "{\"type\": \"inSegment\", \"segment\": \"" + base + "\"},"
                + "{\"type\": \"in\", \"field\": \"country\", \"values\": [\"DE\"]}]}");
        Set<Long> before = members(reuser);
        assertThat(before).isEqualTo(ids("SELECT customer_id FROM customer_features WHERE orders_365d >= 2 AND country = 'DE'"))
                .isNotEmpty();

        client.toBlocking().exchange(HttpRequest.DELETE("/api/segments/" + base));
        JsonNode run = post("/api/segments/" + reuser + "/refresh", "{}");

        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).contains(base);
        assertThat(members(reuser)).isEqualTo(before);
        JsonNode status = get("/api/segments/" + reuser + "/live");
        assertThat(status.get("stale").asBoolean()).isTrue();
        assertThat(status.get("staleReason").asText()).contains(base);
        assertThat(status.get("size").asLong()).isEqualTo(before.size());
        assertThat(status.get("lastSuccess").get("size").asLong()).isEqualTo(before.size());
    }

    @Test
    void the_dependencies_of_a_segment_come_from_its_definition_including_reused_segments() throws Exception {
        String inner = create("live-dep-inner", "{\"type\": \"event\", \"event\": \"add_to_cart\", \"window\": {\"lastDays\": 7}}");
        String outer = create("live-dep-outer", "{\"type\": \"and\", \"conditions\": ["
                + "{\"type\": \"compare\", \"field\": \"aov_365d\", \"op\": \">=\", \"value\": 50},"
                + "{\"type\": \"inSegment\", \"segment\": \"" + inner + "\"}]}");

        JsonNode deps = get("/api/segments/" + outer + "/dependencies");

        assertThat(texts(deps.get("fields"))).containsExactly("aov_365d");
        assertThat(texts(deps.get("events"))).containsExactly("add_to_cart");
        assertThat(texts(deps.get("segments"))).containsExactly(inner);
        assertThat(texts(deps.get("tables"))).contains("orders", "web_events", "customer_features");
        assertThat(get("/api/segments/" + outer + "/live").get("dependsOn").get("events").get(0).asText()).isEqualTo("add_to_cart");

        // an import of web events refreshes both; a retrained churn model neither
        List<RefreshRunRecord> web = live.refreshDependents(Set.of("web_events"));
        assertThat(web).extracting(r -> r.segmentId().toString()).contains(inner, outer);
        List<RefreshRunRecord> churn = live.refreshDependents(Set.of("churn"), LiveSegments.MODEL);
        assertThat(churn).extracting(r -> r.segmentId().toString()).doesNotContain(inner, outer);
    }

    @Test
    void a_cart_add_moves_the_customer_into_the_segment_and_a_purchase_moves_them_out_without_a_full_refresh() throws Exception {
        String id = create("live-cart-1d", "{\"type\": \"and\", \"conditions\": ["
                + "{\"type\": \"event\", \"event\": \"add_to_cart\", \"window\": {\"lastDays\": 1}},"
                + "{\"type\": \"event\", \"event\": \"purchase\", \"did\": false, \"window\": {\"lastDays\": 1}}]}");
        long customer = firstOutside(id);
        Instant asOf = facts.asOf();
        int runsBefore = get("/api/segments/" + id + "/history").get("runs").size();
        String cartId = "cart-" + UUID.randomUUID();
        String cart = event(cartId, customer, "add_to_cart", asOf.minusSeconds(120),
                "{\"category\": \"toys\", \"product_id\": \"p-live\", \"platform\": \"web\"}");

        long sent = System.nanoTime();
        HttpResponse<JsonNode> accepted = client.toBlocking().exchange(HttpRequest.POST("/api/events", cart), JsonNode.class);
        assertThat(accepted.getStatus().getCode()).isEqualTo(202);
        assertThat(accepted.body().get("accepted").asInt()).isEqualTo(1);
        awaitMembership(customer, id, true);
        System.out.printf("event -> entered the segment in %d ms%n", (System.nanoTime() - sent) / 1_000_000);

        // the same event again counts once
        JsonNode replay = post("/api/events", "{\"events\": [" + cart + "]}");
        assertThat(replay.get("accepted").asInt()).isZero();
        assertThat(replay.get("duplicates").asInt()).isEqualTo(1);
        assertThat(ids("SELECT customer_id FROM ingested_events WHERE event_id = '" + cartId + "'")).hasSize(1);
        assertThat(count("SELECT count(*) FROM web_events e JOIN ingested_events i ON e.event_id = i.row_key"
                + " WHERE i.event_id = '" + cartId + "'")).isEqualTo(1);
        assertThat(count("SELECT cart_adds_30d FROM customer_features WHERE customer_id = " + customer))
                .isEqualTo(count("SELECT count(*) FROM web_events WHERE customer_id = " + customer
                        + " AND event_type = 'add_to_cart' AND occurred_at >= TIMESTAMP '" + ts(asOf.minus(Duration.ofDays(30)))
                        + "' AND occurred_at < TIMESTAMP '" + ts(asOf) + "'"));

        sent = System.nanoTime();
        post("/api/events", "[" + event("buy-" + UUID.randomUUID(), customer, "purchase", asOf.minusSeconds(60),
                "{\"channel\": \"web\", \"amount\": 42.5}") + "]");
        awaitMembership(customer, id, false);
        System.out.printf("event -> exited the segment in %d ms%n", (System.nanoTime() - sent) / 1_000_000);

        JsonNode runs = get("/api/segments/" + id + "/history").get("runs");
        assertThat(runs.size()).isEqualTo(runsBefore + 2);
        assertThat(runs.get(0).get("trigger").asText()).isEqualTo("event");
        assertThat(runs.get(0).get("exited").asLong()).isEqualTo(1);
        assertThat(runs.get(1).get("entered").asLong()).isEqualTo(1);
        // the incremental result is what a full recomputation gives
        Set<Long> incremental = members(id);
        JsonNode full = post("/api/segments/" + id + "/refresh", "{}");
        assertThat(full.get("entered").asLong() + full.get("exited").asLong()).isZero();
        assertThat(members(id)).isEqualTo(incremental);
    }

    /**
     * Another writer holding the customer's feature row (a full build, an import) makes DuckDB refuse the event
     * update's write. The event is stored all the same; the update is retried, so the customer still moves.
     */
    @Test
    void an_event_update_refused_by_a_concurrent_writer_is_retried_and_the_customer_still_moves() throws Exception {
        String id = create("live-cart-retry", "{\"type\": \"event\", \"event\": \"add_to_cart\", \"window\": {\"lastDays\": 1}}");
        String dayAgo = ts(facts.asOf().minus(Duration.ofDays(1)));
        long customer = ids("SELECT customer_id FROM customer_features WHERE customer_id NOT IN (SELECT customer_id"
                + " FROM web_events WHERE event_type = 'add_to_cart' AND occurred_at >= TIMESTAMP '" + dayAgo + "')"
                + " ORDER BY customer_id LIMIT 1").iterator().next();

        try (java.sql.Connection other = warehouse.connection(); java.sql.Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            // an uncommitted rewrite of the same row (a writer deletes before it appends): DuckDB refuses the event
            // update's delete of it
            statement.executeUpdate("DELETE FROM customer_features WHERE customer_id = " + customer);
            post("/api/events", "[" + event("retry-" + UUID.randomUUID(), customer, "add_to_cart",
                    facts.asOf().minusSeconds(30), "{\"category\": \"toys\"}") + "]");
            Thread.sleep(1_500); // the first attempt runs and fails meanwhile
            assertThat(members(id)).as("nothing moves while the row is held").doesNotContain(customer);
            other.rollback();
        }

        awaitMembership(customer, id, true);
        assertThat(count("SELECT cart_adds_30d FROM customer_features WHERE customer_id = " + customer)).isPositive();
    }

    /** Past the bound-id limit the ledger and customer checks take the array path: same answers. */
    @Test
    void a_batch_wider_than_the_id_list_limit_is_checked_for_duplicates_and_unknown_customers_like_a_small_one()
            throws Exception {
        Instant at = facts.asOf().minusSeconds(30);
        List<String> events = new java.util.ArrayList<>();
        for (int i = 1; i <= CustomerIndexes.LIST_LIMIT + 44; i++) {
            events.add(event("wide-" + UUID.randomUUID(), i, "add_to_cart", at, "{\"category\": \"toys\"}"));
        }
        String batch = "[" + String.join(",", events) + "]";

        assertThat(post("/api/events", batch).get("accepted").asInt()).isEqualTo(events.size());
        JsonNode replay = post("/api/events", batch);
        assertThat(replay.get("accepted").asInt()).isZero();
        assertThat(replay.get("duplicates").asInt()).isEqualTo(events.size());

        List<String> withStranger = new java.util.ArrayList<>(events.subList(1, events.size()));
        withStranger.add(event("wide-" + UUID.randomUUID(), 987_654_321L, "add_to_cart", at, "{\"category\": \"toys\"}"));
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/events", "[" + String.join(",", withStranger) + "]"),
                        JsonNode.class));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getBody(JsonNode.class).orElseThrow().get("issues").toString())
                .contains("unknown customer 987654321");
    }

    @Test
    void a_batch_with_a_bad_event_is_rejected_whole_with_every_issue_and_nothing_is_stored() {
        String goodId = "ok-" + UUID.randomUUID();
        String good = event(goodId, 1, "add_to_cart", facts.asOf().minusSeconds(10), "{\"category\": \"toys\"}");
        String unknownType = event("bad-" + UUID.randomUUID(), 1, "teleported", facts.asOf(), "{}");
        String badValue = event("bad-" + UUID.randomUUID(), 1, "add_to_cart", facts.asOf(), "{\"category\": \"spaceships\"}");

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/events", "[" + good + "," + unknownType + "," + badValue + "]"),
                        JsonNode.class));

        assertThat(e.getStatus().getCode()).isEqualTo(400);
        JsonNode problem = e.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.get("code").asText()).isEqualTo("invalid_events");
        assertThat(problem.get("issues").toString()).contains("teleported").contains("spaceships");
        assertThat(count("SELECT count(*) FROM ingested_events WHERE event_id = '" + goodId + "'")).isZero();
    }

    @Test
    void the_highest_priority_eligible_segment_wins_and_held_out_customers_are_never_activated() throws Exception {
        String broad = create("live-prio-broad", "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 1}");
        String narrow = create("live-prio-narrow", "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 3}");
        long customer = ids("SELECT customer_id FROM customer_features WHERE orders_365d >= 3 ORDER BY 1").iterator().next();
        // the warehouse and metadata persist between runs: deleting at the end keeps earlier runs' eligible
        // segments from competing, and priorities above any earlier run's make that certain
        int base = (int) (System.currentTimeMillis() / 1000 % 10_000_000) * 10;
        try {
            priorityAndHoldout(broad, narrow, customer, base);
        } finally {
            client.toBlocking().exchange(HttpRequest.DELETE("/api/segments/" + broad));
            client.toBlocking().exchange(HttpRequest.DELETE("/api/segments/" + narrow));
        }
    }

    private void priorityAndHoldout(String broad, String narrow, long customer, int base) throws Exception {
        putLive(broad, "{\"campaignEligible\": true, \"priority\": " + (base + 1) + "}");
        putLive(narrow, "{\"campaignEligible\": true, \"priority\": " + (base + 2) + "}");

        assertThat(winner(customer)).isEqualTo(narrow);
        putLive(broad, "{\"priority\": " + (base + 3) + "}");
        assertThat(winner(customer)).isEqualTo(broad);
        putLive(broad, "{\"campaignEligible\": false}");
        assertThat(winner(customer)).isEqualTo(narrow);

        // holdout: a stable control group, reported apart, that never wins
        JsonNode status = putLive(narrow, "{\"holdoutPercent\": 20}");
        long size = status.get("size").asLong();
        long held = status.get("holdout").asLong();
        assertThat(held).isBetween((long) (size * 0.1), (long) (size * 0.3));
        assertThat(status.get("activation").asLong()).isEqualTo(size - held);
        post("/api/segments/" + narrow + "/refresh", "{}");
        assertThat(get("/api/segments/" + narrow + "/live").get("holdout").asLong()).isEqualTo(held);
        long heldOut = members(narrow).stream().filter(c -> Holdout.heldOut(UUID.fromString(narrow), c, 20)).findFirst().orElseThrow();
        JsonNode winning = get("/api/customers/" + heldOut + "/winning-segment");
        assertThat(winning.get("winner").isNull() || !winning.get("winner").get("segmentId").asText().equals(narrow)).isTrue();
    }

    @Test
    void the_overlap_matrix_counts_shared_members_of_every_pair() throws Exception {
        String a = create("live-ov-a", "{\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 2}");
        String b = create("live-ov-b", "{\"type\": \"in\", \"field\": \"country\", \"values\": [\"DE\"]}");

        JsonNode matrix = post("/api/segments/overlap", "{\"ids\": [\"" + a + "\", \"" + b + "\"]}");

        JsonNode shared = matrix.get("shared");
        assertThat(shared.get(0).get(0).asLong()).isEqualTo(count("SELECT count(*) FROM customer_features WHERE orders_365d >= 2"));
        assertThat(shared.get(1).get(1).asLong()).isEqualTo(count("SELECT count(*) FROM customer_features WHERE country = 'DE'"));
        long both = count("SELECT count(*) FROM customer_features WHERE orders_365d >= 2 AND country = 'DE'");
        assertThat(shared.get(0).get(1).asLong()).isEqualTo(both).isPositive();
        assertThat(shared.get(1).get(0).asLong()).isEqualTo(both);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private String winner(long customer) {
        JsonNode w = get("/api/customers/" + customer + "/winning-segment").get("winner");
        return w == null || w.isNull() ? null : w.get("segmentId").asText();
    }

    private long firstOutside(String segmentId) throws Exception {
        String asOf = ts(facts.asOf());
        String dayAgo = ts(facts.asOf().minus(Duration.ofDays(1)));
        return ids("SELECT customer_id FROM customer_features WHERE customer_id NOT IN (SELECT customer_id FROM web_events"
                + " WHERE event_type = 'add_to_cart' AND occurred_at >= TIMESTAMP '" + dayAgo + "' AND occurred_at < TIMESTAMP '" + asOf + "')"
                + " AND customer_id NOT IN (SELECT customer_id FROM segment_members WHERE segment_id = '" + segmentId + "')"
                + " ORDER BY customer_id DESC LIMIT 1").iterator().next();
    }

    private void awaitMembership(long customer, String segmentId, boolean member) throws InterruptedException {
        Predicate<JsonNode> in = view -> {
            for (JsonNode s : view.get("segments")) {
                if (s.get("segmentId").asText().equals(segmentId)) {
                    return true;
                }
            }
            return false;
        };
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (in.test(get("/api/customers/" + customer + "/segments")) == member) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("customer " + customer + (member ? " never entered " : " never left ") + segmentId);
    }

    private static String event(String id, long customer, String type, Instant at, String properties) {
        return "{\"eventId\": \"" + id + "\", \"customerId\": " + customer + ", \"type\": \"" + type
                + "\", \"occurredAt\": \"" + at + "\", \"properties\": " + properties + "}";
    }

    private String create(String name, String condition) throws Exception {
        JsonNode created = post("/api/segments", "{\"name\": \"" + name + "\", \"definition\": {\"condition\": " + condition + "}}");
        return created.get("id").asText();
    }

    private void put(String id, String name, String condition) {
        client.toBlocking().retrieve(HttpRequest.PUT("/api/segments/" + id,
                "{\"name\": \"" + name + "\", \"definition\": {\"condition\": " + condition + "}}"), JsonNode.class);
    }

    private JsonNode putLive(String id, String body) {
        return client.toBlocking().retrieve(HttpRequest.PUT("/api/segments/" + id + "/live", body), JsonNode.class);
    }

    private JsonNode post(String path, String body) {
        return client.toBlocking().retrieve(HttpRequest.POST(path, body), JsonNode.class);
    }

    private JsonNode get(String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path), JsonNode.class);
    }

    private Set<Long> members(String segmentId) throws Exception {
        return ids("SELECT customer_id FROM segment_members WHERE segment_id = '" + segmentId + "'");
    }

    private Set<Long> ids(String sql) throws Exception {
        try (Connection connection = warehouse.connection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            Set<Long> ids = new TreeSet<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    private long count(String sql) {
        try (Connection connection = warehouse.connection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Long> minus(Set<Long> a, Set<Long> b) {
        Set<Long> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static long fingerprint(Set<Long> ids) {
        return ids.size() * 1000003L + ids.stream().mapToLong(Long::longValue).sum();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String ts(Instant instant) {
        return instant.toString().replace("T", " ").replace("Z", "");
    }
}
