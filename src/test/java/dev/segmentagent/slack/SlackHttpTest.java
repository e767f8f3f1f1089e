package dev.segmentagent.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.segmentagent.interpret.AskResult;
import dev.segmentagent.interpret.AskService;
import dev.segmentagent.live.SegmentService;
import dev.segmentagent.live.SegmentService.SegmentView;
import dev.segmentagent.slack.FakeSlack.Received;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Slack app over real HTTP: the service on a random port, a fake Slack (Web API and response URLs) on
 * loopback, every request signed as Slack signs it (or deliberately not). The offline planner answers.
 */
@MicronautTest(transactional = false) // the server threads must see what the test saves
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackHttpTest implements TestPropertyProvider {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FakeSlack slack = start();
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    GatedSlackWorkers workers;

    @Inject
    AskService asks;

    @Inject
    SegmentService segments;

    @Inject
    DuckDbWarehouse warehouse;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "segment.slack.enabled", "true",
                "segment.slack.signing-secret", SECRET,
                "segment.slack.bot-token", "xoxb-test-token",
                "segment.slack.api-base-url", slack.url() + "/api",
                "segment.slack.notify-batch-window", "300ms",
                "slack-test.gated-workers", "true");
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void a_signed_slash_command_is_acknowledged_before_the_work_and_answered_with_block_kit_at_the_response_url()
            throws Exception {
        String request = "gold or platinum loyalty members in Germany or France";
        workers.close();
        long started = System.nanoTime();
        HttpResponse<String> ack = post("/slack/commands", command(request, "/respond/command"), signedNow());
        long ackMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(ack.statusCode()).isEqualTo(200);
        JsonNode ackBody = JSON.readTree(ack.body());
        assertThat(ackBody.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(ackBody.get("text").asText()).contains("Working on").contains(request);
        // the answer is still waiting for a worker: the acknowledgement did not wait for it
        assertThat(workers.heldCount()).isEqualTo(1);
        assertThat(slack.received("/respond/command")).isEmpty();
        System.out.printf(Locale.ROOT, "slack slash-command acknowledgement: %d ms (work held back)%n", ackMillis);

        workers.open();
        List<Received> replies = slack.await("/respond/command", 1, WAIT);
        assertThat(replies).hasSize(1);
        JsonNode reply = JSON.readTree(replies.get(0).body());
        AskResult expected = asks.ask(request);
        String text = texts(reply.get("blocks"));
        assertThat(text).contains(SlackMessages.escape(expected.explanation()))
                .contains(String.format(Locale.ROOT, "%,d customers", expected.preview().count()))
                .contains("*Sample*");
        assertThat(expected.preview().count()).isPositive();
        assertThat(reply.get("text").asText()).contains(String.format(Locale.ROOT, "%,d", expected.preview().count()));
        Map<String, String> buttons = buttons(reply.get("blocks"));
        assertThat(buttons).containsOnlyKeys(SlackMessages.SAVE, SlackMessages.REFINE);
        assertThat(UUID.fromString(buttons.get(SlackMessages.SAVE))).isNotNull();
        assertThat(buttons.get(SlackMessages.REFINE)).isEqualTo(request);
    }

    /** A figure for the notes, not a timing assertion: how long the acknowledgement takes, work held back. */
    @Test
    void acknowledgement_latency_figures() throws Exception {
        int n = 30;
        long[] millis = new long[n];
        workers.close();
        try {
            for (int i = 0; i < n; i++) {
                long started = System.nanoTime();
                HttpResponse<String> ack = post("/slack/commands", command("gold loyalty members in Germany",
                        "/respond/latency"), signedNow());
                millis[i] = (System.nanoTime() - started) / 1_000_000;
                assertThat(ack.statusCode()).isEqualTo(200);
            }
        } finally {
            workers.open();
        }
        assertThat(slack.await("/respond/latency", n, WAIT)).hasSize(n);
        long[] sorted = millis.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "slack ack latency over %d signed commands: median %d ms, p95 %d ms, max %d ms "
                + "(first %d ms)%n", n, sorted[n / 2], sorted[(int) Math.ceil(n * 0.95) - 1], sorted[n - 1], millis[0]);
    }

    @Test
    void forged_stale_and_unsigned_requests_get_401_problems_and_change_nothing() throws Exception {
        UUID draft = draftFor("customers who bought shoes in the last 90 days", "/respond/draft-for-forgery");
        long segmentsBefore = segmentCount();
        int postsBefore = slack.all().size();
        String save = interaction(SlackMessages.SAVE, draft.toString(), "/respond/forged-save");
        String ask = command("gold loyalty members", "/respond/forged-command");
        long now = Instant.now().getEpochSecond();

        List<String[]> cases = new ArrayList<>();
        cases.add(new String[]{"/slack/interactions", save, "forged", "slack-signature-invalid"});
        cases.add(new String[]{"/slack/interactions", save, "stale", "slack-timestamp-stale"});
        cases.add(new String[]{"/slack/interactions", save, "future", "slack-timestamp-stale"});
        cases.add(new String[]{"/slack/interactions", save, "missing", "slack-signature-missing"});
        cases.add(new String[]{"/slack/interactions", save, "tampered", "slack-signature-invalid"});
        cases.add(new String[]{"/slack/commands", ask, "forged", "slack-signature-invalid"});
        cases.add(new String[]{"/slack/commands", ask, "stale", "slack-timestamp-stale"});
        cases.add(new String[]{"/slack/commands", ask, "missing", "slack-signature-missing"});
        cases.add(new String[]{"/slack/events", mention("Ev-forged", "customers in Germany"), "forged",
                "slack-signature-invalid"});
        for (String[] c : cases) {
            String body = c[1];
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.getURL() + c[0]))
                    .header("Content-Type", c[0].endsWith("events") ? "application/json"
                            : "application/x-www-form-urlencoded");
            switch (c[2]) {
                case "forged" -> sign(builder, now, body, "another-secret-entirely-0000000");
                case "stale" -> sign(builder, now - 6 * 60, body, SECRET); // a captured request replayed later
                case "future" -> sign(builder, now + 6 * 60, body, SECRET);
                case "tampered" -> {
                    sign(builder, now, body, SECRET);
                    body = body.replace("segment_save", "segment_refine");
                }
                default -> { } // no signature headers at all
            }
            HttpResponse<String> answer = http.send(builder.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(c[0] + " " + c[2]).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.get("code").asText()).as(c[0] + " " + c[2]).isEqualTo(c[3]);
            assertThat(problem.get("stage").asText()).isEqualTo("request");
        }
        // a genuine request afterwards goes through: its answer is the barrier after which nothing else may appear
        post("/slack/commands", command("gold loyalty members", "/respond/barrier"), signedNow());
        assertThat(slack.await("/respond/barrier", 1, WAIT)).hasSize(1);
        Thread.sleep(200);
        assertThat(slack.all().size()).isEqualTo(postsBefore + 1);
        assertThat(slack.received("/respond/forged-save")).isEmpty();
        assertThat(slack.received("/respond/forged-command")).isEmpty();
        assertThat(slack.received("/api/chat.postMessage").stream().filter(r -> r.body().contains("Germany"))).isEmpty();
        assertThat(segmentCount()).isEqualTo(segmentsBefore);
    }

    @Test
    void save_segment_saves_the_draft_once_and_confirms_at_the_response_url() throws Exception {
        String request = "customers who bought shoes in the last 90 days";
        UUID draft = draftFor(request, "/respond/to-save");
        AskResult expected = asks.ask(request);

        HttpResponse<String> ack = post("/slack/interactions",
                interaction(SlackMessages.SAVE, draft.toString(), "/respond/saved"), signedNow());
        assertThat(ack.statusCode()).isEqualTo(200);
        List<Received> confirmations = slack.await("/respond/saved", 1, WAIT);
        assertThat(confirmations).hasSize(1);
        JsonNode confirmation = JSON.readTree(confirmations.get(0).body());
        assertThat(confirmation.get("response_type").asText()).isEqualTo("in_channel");
        String text = confirmation.get("text").asText();
        assertThat(text).startsWith("Saved segment");
        UUID id = UUID.fromString(text.replaceAll("(?s).*id `([0-9a-f-]{36})`.*", "$1"));

        SegmentView saved = segments.get(id, null);
        assertThat(saved.name()).isEqualTo(expected.draft().name());
        assertThat(saved.version()).isEqualTo(1);
        assertThat(segments.versions(id).get(0).definition()).isEqualTo(expected.draft().definition());

        // a second click answers with the same segment rather than saving a duplicate
        long count = segmentCount();
        post("/slack/interactions", interaction(SlackMessages.SAVE, draft.toString(), "/respond/saved-again"),
                signedNow());
        List<Received> again = slack.await("/respond/saved-again", 1, WAIT);
        assertThat(JSON.readTree(again.get(0).body()).get("text").asText()).contains(id.toString());
        assertThat(segmentCount()).isEqualTo(count);
    }

    @Test
    void a_clarifying_question_comes_as_buttons_and_a_click_reruns_with_the_chosen_option() throws Exception {
        post("/slack/commands", command("active customers", "/respond/clarify"), signedNow());
        JsonNode question = JSON.readTree(slack.await("/respond/clarify", 1, WAIT).get(0).body());
        Map<String, String> options = buttons(question.get("blocks"));
        assertThat(options.size()).isGreaterThanOrEqualTo(2);
        assertThat(options.keySet()).allMatch(k -> k.startsWith(SlackMessages.OPTION_PREFIX));
        String chosen = options.get(SlackMessages.OPTION_PREFIX + "0");

        post("/slack/interactions", interaction(SlackMessages.OPTION_PREFIX + "0", chosen, "/respond/clarified"),
                signedNow());
        JsonNode answer = JSON.readTree(slack.await("/respond/clarified", 1, WAIT).get(0).body());
        AskResult expected = asks.ask(chosen);
        assertThat(expected.kind()).isEqualTo("answer");
        assertThat(texts(answer.get("blocks"))).contains(
                String.format(Locale.ROOT, "%,d customers", expected.preview().count()));
        assertThat(buttons(answer.get("blocks"))).containsKey(SlackMessages.SAVE);
    }

    @Test
    void refine_opens_a_dialog_with_the_request_and_its_submission_answers_at_the_original_response_url()
            throws Exception {
        String request = "customers who bought shoes in the last 90 days";
        int opened = slack.received("/api/views.open").size();
        post("/slack/interactions", interaction(SlackMessages.REFINE, request, "/respond/refine"), signedNow());

        Received open = slack.await("/api/views.open", opened + 1, WAIT).get(opened);
        assertThat(open.authorization()).isEqualTo("Bearer xoxb-test-token");
        assertThat(open.form().get("trigger_id")).isEqualTo("123.456.abc");
        JsonNode view = JSON.readTree(open.form().get("view"));
        assertThat(view.get("callback_id").asText()).isEqualTo(SlackRefineDialog.CALLBACK_ID);
        assertThat(view.get("private_metadata").asText()).isEqualTo(slack.url() + "/respond/refine");
        assertThat(view.get("blocks").get(0).get("element").get("initial_value").asText()).isEqualTo(request);

        String refined = "customers who bought shoes in the last 30 days";
        Map<String, Object> submission = Map.of(
                "type", "view_submission",
                "user", Map.of("id", "U0MARKETER"),
                "team", Map.of("id", "T0001"),
                "view", Map.of("id", "V0001", "type", "modal", "callback_id", SlackRefineDialog.CALLBACK_ID,
                        "private_metadata", view.get("private_metadata").asText(),
                        "state", Map.of("values", Map.of(SlackRefineDialog.BLOCK_ID, Map.of(SlackRefineDialog.ACTION_ID,
                                Map.of("type", "plain_text_input", "value", refined))))));
        HttpResponse<String> closed = post("/slack/interactions",
                "payload=" + URLEncoder.encode(JSON.writeValueAsString(submission), StandardCharsets.UTF_8), signedNow());
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).isEmpty(); // an empty 200 closes the dialog

        JsonNode answer = JSON.readTree(slack.await("/respond/refine", 1, WAIT).get(0).body());
        AskResult expected = asks.ask(refined);
        assertThat(texts(answer.get("blocks"))).contains(
                String.format(Locale.ROOT, "%,d customers", expected.preview().count()));
        assertThat(buttons(answer.get("blocks")).get(SlackMessages.REFINE)).isEqualTo(refined);
    }

    @Test
    void a_declined_request_is_answered_in_plain_text() throws Exception {
        post("/slack/commands", command("what is the weather in Paris tomorrow", "/respond/declined"), signedNow());
        JsonNode answer = JSON.readTree(slack.await("/respond/declined", 1, WAIT).get(0).body());
        assertThat(answer.get("text").asText()).startsWith("I can't build that segment");
        assertThat(answer.path("blocks").isMissingNode() || answer.get("blocks").isNull()
                || answer.get("blocks").isEmpty()).isTrue();
    }

    @Test
    void the_events_url_answers_slacks_verification_challenge() throws Exception {
        HttpResponse<String> answer = post("/slack/events",
                "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                        + "\"type\":\"url_verification\"}", signedNow());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("challenge").asText())
                .isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void an_app_mention_is_answered_in_its_thread_with_chat_post_message_once() throws Exception {
        String request = "customers who bought shoes in the last 90 days";
        int before = slack.received("/api/chat.postMessage").size();
        String event = mention("Ev0MENTION1", request);
        HttpResponse<String> ack = post("/slack/events", event, signedNow());
        assertThat(ack.statusCode()).isEqualTo(200);

        List<Received> posts = slack.await("/api/chat.postMessage", before + 1, WAIT);
        Received post = posts.get(before);
        assertThat(post.authorization()).isEqualTo("Bearer xoxb-test-token");
        Map<String, String> form = post.form();
        assertThat(form.get("channel")).isEqualTo("C0MENTION");
        assertThat(form.get("thread_ts")).isEqualTo("1700000000.000200");
        AskResult expected = asks.ask(request);
        JsonNode blocks = JSON.readTree(form.get("blocks"));
        assertThat(texts(blocks)).contains(String.format(Locale.ROOT, "%,d customers", expected.preview().count()));
        assertThat(buttons(blocks)).containsKeys(SlackMessages.SAVE, SlackMessages.REFINE);

        // Slack redelivers an event whose acknowledgement it did not see: answered once only
        HttpResponse<String> retry = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/slack/events"))
                .header("Content-Type", "application/json").header("X-Slack-Retry-Num", "1")
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, Long.toString(Instant.now().getEpochSecond()))
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, new SlackSignature.Generator(SECRET)
                        .generate(Long.toString(Instant.now().getEpochSecond()), event))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(retry.statusCode()).isEqualTo(200);
        post("/slack/commands", command("gold loyalty members", "/respond/mention-barrier"), signedNow());
        slack.await("/respond/mention-barrier", 1, WAIT);
        Thread.sleep(200);
        assertThat(slack.received("/api/chat.postMessage").stream()
                .filter(r -> "C0MENTION".equals(r.form().get("channel")))).hasSize(1);
    }

    @Test
    void membership_changes_reach_the_subscribed_channel_as_one_summary() throws Exception {
        SegmentView segment = segments.create(new SegmentService.SaveCommand("slack-notify-me", null, JSON.readTree(
                "{\"condition\": {\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 2}}"),
                null), "test");
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(server.getURL()
                        + "/api/segments/" + segment.id() + "/slack-notifications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\": \"C0NOTIFY\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        segments.update(segment.id(), new SegmentService.SaveCommand("slack-notify-me", null, JSON.readTree(
                "{\"condition\": {\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 3}}"),
                null), "test");
        long left = count("SELECT count(*) FROM customer_features WHERE orders_365d = 2");
        long remaining = count("SELECT count(*) FROM customer_features WHERE orders_365d >= 3");

        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Received> posts;
        do {
            Thread.sleep(20);
            posts = slack.received("/api/chat.postMessage").stream()
                    .filter(r -> "C0NOTIFY".equals(r.form().get("channel"))).toList();
        } while (posts.isEmpty() && System.nanoTime() < deadline);
        assertThat(posts).hasSize(1);
        String text = posts.get(0).form().get("text");
        assertThat(left).isPositive();
        assertThat(text).contains("slack-notify-me").contains("(v2)")
                .contains(String.format(Locale.ROOT, "%,d exited", left))
                .contains(String.format(Locale.ROOT, "%,d entered", 0))
                .contains(String.format(Locale.ROOT, "now %,d members", remaining));
        assertThat(posts.get(0).authorization()).isEqualTo("Bearer xoxb-test-token");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static FakeSlack start() {
        try {
            return new FakeSlack();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Asks through /segment and returns the draft id that the answer's Save button carries. */
    private UUID draftFor(String request, String responsePath) throws Exception {
        post("/slack/commands", command(request, responsePath), signedNow());
        JsonNode reply = JSON.readTree(slack.await(responsePath, 1, WAIT).get(0).body());
        return UUID.fromString(buttons(reply.get("blocks")).get(SlackMessages.SAVE));
    }

    private String command(String text, String responsePath) {
        return form(Map.of("token", "legacy-token-ignored", "team_id", "T0001", "team_domain", "acme",
                "channel_id", "C0CMD", "channel_name", "marketing", "user_id", "U0MARKETER", "user_name", "maria",
                "command", "/segment", "text", text, "response_url", slack.url() + responsePath))
                + "&trigger_id=13345224609.738474920.8088930838d88f008e0";
    }

    private String interaction(String actionId, String value, String responsePath) throws Exception {
        Map<String, Object> payload = Map.of(
                "type", "block_actions",
                "user", Map.of("id", "U0MARKETER", "username", "maria"),
                "api_app_id", "A0APP", "trigger_id", "123.456.abc",
                "team", Map.of("id", "T0001", "domain", "acme"),
                "channel", Map.of("id", "C0CMD", "name", "marketing"),
                "response_url", slack.url() + responsePath,
                "actions", List.of(Map.of("type", "button", "action_id", actionId, "block_id", "segment_draft",
                        "value", value, "action_ts", "1700000000.1")));
        return "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8);
    }

    private static String mention(String eventId, String text) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "token", "x", "team_id", "T0001", "api_app_id", "A0APP", "type", "event_callback",
                "event_id", eventId, "event_time", 1700000000,
                "event", Map.of("type", "app_mention", "user", "U0MARKETER", "text", "<@U0BOT> " + text,
                        "ts", "1700000000.000200", "channel", "C0MENTION", "event_ts", "1700000000.000200")));
    }

    private static String form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static long signedNow() {
        return Instant.now().getEpochSecond();
    }

    private static void sign(HttpRequest.Builder builder, long timestamp, String body, String secret) {
        builder.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, Long.toString(timestamp))
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                        new SlackSignature.Generator(secret).generate(Long.toString(timestamp), body));
    }

    private HttpResponse<String> post(String path, String body, long timestamp) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", path.endsWith("events") ? "application/json" : "application/x-www-form-urlencoded");
        sign(builder, timestamp, body, SECRET);
        return http.send(builder.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every text in the blocks, joined (section texts, context elements). */
    private static String texts(JsonNode blocks) {
        StringBuilder out = new StringBuilder();
        for (JsonNode block : blocks) {
            if (block.has("text")) {
                out.append(block.get("text").get("text").asText()).append('\n');
            }
            for (JsonNode element : block.path("elements")) {
                if (element.has("text") && element.get("text").isTextual()) {
                    out.append(element.get("text").asText()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Buttons by action id → value. */
    private static Map<String, String> buttons(JsonNode blocks) {
        Map<String, String> buttons = new java.util.LinkedHashMap<>();
        for (JsonNode block : blocks) {
            if ("actions".equals(block.path("type").asText())) {
                for (JsonNode element : block.get("elements")) {
                    buttons.put(element.get("action_id").asText(), element.get("value").asText());
                }
            }
        }
        return buttons;
    }

    private long segmentCount() {
        return segments.list(null, io.micronaut.data.model.Pageable.from(0, 1)).getTotalSize();
    }

    private long count(String sql) throws Exception {
        try (Connection connection = warehouse.connection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
