package dev.segmentagent.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.context.annotation.Property;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adversarial corpus ({@code src/test/resources/adversarial/corpus.jsonl}) over real HTTP with access
 * control on: SQL in values and identifiers, prompt injection, oversized and deeply nested input, unicode
 * tricks, unknown names and wrong types, cross-role attempts. Each case states the HTTP status and problem
 * {@code code} it must get; every response is checked for personal data (the demo's email addresses and phone
 * numbers) and for SQL text; afterwards a checksum of the DuckDB data and of the metadata store must equal
 * the one taken before the first case.
 */
@MicronautTest(transactional = false)
@Property(name = "segment.security.enabled", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdversarialCorpusHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9][0-9 ()-]{6,}[0-9]");
    /** Text only the SQL layer produces: a response carrying it leaks how the query is built. */
    private static final Pattern SQL_TEXT = Pattern.compile(
            "customer_features f\\b|\"f\"\\.|Parser Error|Binder Error|Catalog Error|Conversion Error|"
                    + "java\\.(lang|time|util)|org\\.duckdb|dev\\.segmentagent\\.|Exception|StreamReadFeature");
    /** Metadata tables whose rows a refused or read-only request must never change. */
    private static final List<String> METADATA_TABLES = List.of("segment", "segment_version", "refresh_run",
            "model_version", "segment_live", "webhook", "webhook_delivery", "api_key");

    @Inject
    EmbeddedServer server;

    @Inject
    ApiKeys keys;

    @Inject
    DuckDbWarehouse warehouse;

    @Inject
    DataSource metadata;

    @Inject
    DataSourceResolver resolver;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> placeholders = new TreeMap<>();
    private final Map<String, String> keyByRole = new TreeMap<>();
    private Set<String> personalValues;
    private String dataChecksumBefore;
    private String metadataChecksumBefore;
    private long auditRowsBefore;

    /** Cluster conditions are checked against the trained clusters: train them so every run sees the same state. */
    private void trainClusters() throws Exception {
        HttpResponse<String> accepted = send("admin", "POST", "/api/models/behaviour/train", new byte[0], Map.of(),
                "application/json");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String run = "/api/models/runs/" + JSON.readTree(accepted.body()).get("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String status = "QUEUED";
        while ((status.equals("QUEUED") || status.equals("RUNNING")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = JSON.readTree(send("admin", "GET", run, (byte[]) null, Map.of(), null).body()).get("status").asText();
        }
        assertThat(status).as("clustering before the corpus").isEqualTo("SUCCEEDED");
    }

    @BeforeAll
    void prepare() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        keyByRole.put("viewer", keys.issue("corpus-viewer-" + suffix, Role.VIEWER, "test").key());
        keyByRole.put("editor", keys.issue("corpus-editor-" + suffix, Role.EDITOR, "test").key());
        ApiKeys.IssuedKey admin = keys.issue("corpus-admin-" + suffix, Role.ADMIN, "test");
        keyByRole.put("admin", admin.key());
        ApiKeys.IssuedKey revoked = keys.issue("corpus-revoked-" + suffix, Role.ADMIN, "test");
        keys.revoke(revoked.view().id());
        keyByRole.put("revoked", revoked.key());
        keyByRole.put("forged", "sa_" + "x".repeat(43));
        placeholders.put("{adminKeyId}", admin.view().id().toString());
        placeholders.put("{viewerKey}", keyByRole.get("viewer"));

        trainClusters();
        HttpResponse<String> saved = send("admin", "POST", "/api/segments", """
                {"name": "corpus target", "definition": {"condition":
                  {"type": "compare", "field": "revenue_total", "op": ">", "value": 0}}}""", Map.of(), null);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        placeholders.put("{segmentId}", JSON.readTree(saved.body()).get("id").asText());

        personalValues = personalValues();
        dataChecksumBefore = warehouseChecksum();
        metadataChecksumBefore = metadataChecksum();
        auditRowsBefore = auditRowsOtherThanExports();
    }

    Stream<JsonNode> corpus() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/adversarial/corpus.jsonl");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    cases.add(JSON.readTree(line));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("corpus")
    void each_case_gets_its_documented_answer_and_leaks_nothing(JsonNode c) throws Exception {
        Body body = body(c);
        Map<String, String> headers = new TreeMap<>();
        c.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), substitute(e.getValue().asText())));

        HttpResponse<String> response = send(c.get("role").asText(), c.get("method").asText(),
                substitute(c.get("path").asText()), body.bytes(), headers, body.contentType());

        String text = response.body();
        String id = c.get("id").asText();
        // one line per case, so a run shows what each hostile input actually got
        System.out.printf("corpus %-40s %d %s %s%n", id, response.statusCode(),
                response.statusCode() >= 400 ? JSON.readTree(text).path("code").asText() : "-",
                response.statusCode() >= 400 ? JSON.readTree(text).at("/issues/0/code").asText("-") : "-");
        assertThat(response.statusCode()).as("%s: status; body %s", id, abbreviate(text))
                .isEqualTo(c.get("status").asInt());
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("content-type").orElse(""))
                    .as("%s: errors are problem+json", id).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(text);
            assertThat(problem.path("code").asText()).as("%s: a problem has a code", id).isNotBlank();
            assertThat(problem.path("stage").asText()).as("%s: a problem has a stage", id).isNotBlank();
            if (c.hasNonNull("code")) {
                assertThat(problem.path("code").asText()).as("%s: problem code; body %s", id, abbreviate(text))
                        .isEqualTo(c.get("code").asText());
            }
            if (c.hasNonNull("issue")) {
                assertThat(problem.at("/issues/0/code").asText()).as("%s: first issue code", id)
                        .isEqualTo(c.get("issue").asText());
            }
        }
        c.path("expect").fields().forEachRemaining(e -> {
            try {
                assertThat(JSON.readTree(text).at(e.getKey())).as("%s: %s", id, e.getKey()).isEqualTo(e.getValue());
            } catch (IOException ex) {
                throw new AssertionError(id + ": response is not JSON: " + abbreviate(text), ex);
            }
        });
        assertThat(leakedPersonalValues(text)).as("%s: personal data in the response", id).isEmpty();
        assertThat(SQL_TEXT.matcher(text).find()).as("%s: SQL or stack text in the response: %s", id, abbreviate(text))
                .isFalse();
        if (id.startsWith("inject-generate-") && response.statusCode() == 200) {
            assertThat(personalFieldsNamed(JSON.readTree(text))).as("%s: a drafted condition on personal data", id)
                    .isEmpty();
        }
    }

    @AfterAll
    void data_and_metadata_are_unchanged() throws Exception {
        assertThat(warehouseChecksum()).as("DuckDB checksum").isEqualTo(dataChecksumBefore);
        assertThat(metadataChecksum()).as("metadata checksum").isEqualTo(metadataChecksumBefore);
        // exports are recorded (that is the point of the audit log); nothing else may have been
        assertThat(auditRowsOtherThanExports()).as("audit entries other than exports").isEqualTo(auditRowsBefore);
    }

    // --- requests

    private record Body(byte[] bytes, String contentType) {}

    private Body body(JsonNode c) throws IOException {
        JsonNode gen = c.get("generate");
        if (gen == null) {
            return c.has("body") ? new Body(JSON.writeValueAsBytes(c.get("body")), null) : new Body(null, null);
        }
        String kind = gen.get("kind").asText();
        return switch (kind) {
            case "raw" -> new Body(gen.get("text").asText().getBytes(StandardCharsets.UTF_8),
                    gen.path("contentType").asText(null));
            case "bytes" -> new Body(HexFormat.of().parseHex(gen.get("hex").asText()), null);
            case "bigBody" -> new Body(bigBody(gen.get("bytes").asInt()), null);
            case "longRequest" -> new Body(JSON.writeValueAsBytes(Map.of("request",
                    "customers who bought shoes ".repeat(gen.get("chars").asInt() / 27 + 1))), null);
            case "deep" -> new Body(deepText(gen.get("depth").asInt()), null);
            case "deepNot" -> new Body(preview(nested("not", gen.get("depth").asInt())), null);
            case "manyNodes" -> new Body(preview(manyNodes(gen.get("nodes").asInt())), null);
            case "manyValues" -> new Body(preview(manyValues(gen.get("values").asInt())), null);
            default -> throw new IllegalArgumentException("unknown generator " + kind);
        };
    }

    /** Written as text: deeper than Jackson's own writer allows, which is the point. */
    private static byte[] deepText(int depth) {
        String leaf = "{\"type\":\"compare\",\"field\":\"revenue_total\",\"op\":\">\",\"value\":1}";
        String open = "{\"type\":\"and\",\"conditions\":[";
        String text = "{\"definition\":{\"condition\":" + open.repeat(depth) + leaf + "]}".repeat(depth) + "}}";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bigBody(int bytes) throws IOException {
        ObjectNode condition = compare("city", "=", "x".repeat(bytes));
        return preview(condition);
    }

    private static byte[] preview(JsonNode condition) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("definition").set("condition", condition);
        return JSON.writeValueAsBytes(root);
    }

    private static ObjectNode compare(String field, String op, Object value) {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("type", "compare").put("field", field).put("op", op);
        n.set("value", JSON.valueToTree(value));
        return n;
    }

    private static JsonNode nested(String type, int depth) {
        JsonNode node = compare("revenue_total", ">", 1);
        for (int i = 0; i < depth; i++) {
            ObjectNode parent = JsonNodeFactory.instance.objectNode().put("type", type);
            if (type.equals("not")) {
                parent.set("condition", node);
            } else {
                parent.putArray("conditions").add(node);
            }
            node = parent;
        }
        return node;
    }

    private static JsonNode manyNodes(int nodes) {
        ObjectNode or = JsonNodeFactory.instance.objectNode().put("type", "or");
        ArrayNode list = or.putArray("conditions");
        for (int i = 0; i < nodes; i++) {
            list.add(compare("revenue_total", ">", i));
        }
        return or;
    }

    private static JsonNode manyValues(int values) {
        ObjectNode in = JsonNodeFactory.instance.objectNode().put("type", "in").put("field", "city");
        ArrayNode list = in.putArray("values");
        for (int i = 0; i < values; i++) {
            list.add("city-" + i);
        }
        return in;
    }

    private HttpResponse<String> send(String role, String method, String path, String body, Map<String, String> headers,
                                      String contentType) throws IOException, InterruptedException {
        return send(role, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers, contentType);
    }

    private HttpResponse<String> send(String role, String method, String path, byte[] body, Map<String, String> headers,
                                      String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType == null ? "application/json" : contentType);
        }
        String key = keyByRole.get(role);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String substitute(String text) {
        String out = text;
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    // --- what must not leak

    private Set<String> personalValues() throws SQLException {
        return warehouse.readOnly(connection -> {
            Set<String> values = new HashSet<>();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT email, phone FROM customers")) {
                while (rs.next()) {
                    for (int c = 1; c <= 2; c++) {
                        String v = rs.getString(c);
                        if (v != null) {
                            values.add(normalise(v));
                        }
                    }
                }
            }
            return values;
        });
    }

    private List<String> leakedPersonalValues(String text) {
        List<String> leaked = new ArrayList<>();
        for (Pattern p : List.of(EMAIL, DIGITS)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (personalValues.contains(normalise(m.group()))) {
                    leaked.add(m.group());
                }
            }
        }
        return leaked;
    }

    private static String normalise(String value) {
        return value.toLowerCase().replaceAll("[\\s()-]", "");
    }

    private static Set<String> personalFieldsNamed(JsonNode node) {
        Set<String> found = new HashSet<>();
        Set<String> personal = Set.of("email", "phone", "first_name", "last_name", "birth_date");
        if (node.isObject()) {
            JsonNode field = node.get("field");
            if (field != null && personal.contains(field.asText())) {
                found.add(field.asText());
            }
            Iterator<JsonNode> children = node.elements();
            children.forEachRemaining(child -> found.addAll(personalFieldsNamed(child)));
        } else if (node.isArray()) {
            node.forEach(child -> found.addAll(personalFieldsNamed(child)));
        }
        return found;
    }

    // --- checksums

    /** Row count and an order-independent hash of every row of every DuckDB table. */
    private String warehouseChecksum() throws SQLException {
        return warehouse.readOnly(connection -> {
            List<String> tables = new ArrayList<>();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                         + "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            StringBuilder sum = new StringBuilder();
            for (String table : tables) {
                try (Statement s = connection.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM \""
                             + table + "\" t")) {
                    rs.next();
                    sum.append(table).append('=').append(rs.getLong(1)).append('/').append(rs.getString(2)).append(';');
                }
            }
            assertThat(tables).contains("customers", "orders", "web_events", "customer_features", "segment_members");
            return sum.toString();
        });
    }

    private String metadataChecksum() throws SQLException {
        StringBuilder sum = new StringBuilder();
        try (Connection c = resolver.resolve(metadata).getConnection(); Statement s = c.createStatement()) {
            for (String table : METADATA_TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    long rows = 0;
                    long hash = 0;
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(rs.getString(i)).append('\u0001');
                        }
                        hash += row.toString().hashCode();
                        rows++;
                    }
                    sum.append(table).append('=').append(rows).append('/').append(hash).append(';');
                }
            }
        }
        return sum.toString();
    }

    private long auditRowsOtherThanExports() throws SQLException {
        try (Connection c = resolver.resolve(metadata).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_entry WHERE action <> 'segment.export'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 600 ? text : text.substring(0, 600) + "…";
    }
}
