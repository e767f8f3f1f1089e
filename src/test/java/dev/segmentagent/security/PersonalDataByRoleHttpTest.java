package dev.segmentagent.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.audit.AuditEntry;
import dev.segmentagent.audit.AuditLog;
import dev.segmentagent.warehouse.DuckDbWarehouse;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.model.Pageable;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data (catalog fields flagged {@code pii}) by role: never in a member view or export by default,
 * refused (not silently dropped) when a viewer or editor asks for it, given to an admin who asks, and every
 * such read is in the audit log.
 */
@MicronautTest(transactional = false)
@Property(name = "segment.security.enabled", value = "true")
class PersonalDataByRoleHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Inject
    ApiKeys keys;

    @Inject
    DuckDbWarehouse warehouse;

    @Inject
    AuditLog audit;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Role, String> key = new HashMap<>();
    private String adminName;
    private String segmentId;

    @BeforeEach
    void setUp() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        key.put(Role.VIEWER, keys.issue("pii-viewer-" + suffix, Role.VIEWER, "test").key());
        key.put(Role.EDITOR, keys.issue("pii-editor-" + suffix, Role.EDITOR, "test").key());
        adminName = "pii-admin-" + suffix;
        key.put(Role.ADMIN, keys.issue(adminName, Role.ADMIN, "test").key());
        HttpResponse<String> saved = send(Role.EDITOR, "POST", "/api/segments", """
                {"name": "big spenders", "definition": {"condition":
                  {"type": "compare", "field": "revenue_total", "op": ">=", "value": 1000}}}""");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        segmentId = JSON.readTree(saved.body()).get("id").asText();
    }

    @Test
    void viewers_and_editors_see_members_without_personal_fields() throws Exception {
        for (Role role : List.of(Role.VIEWER, Role.EDITOR, Role.ADMIN)) {
            JsonNode page = JSON.readTree(send(role, "GET", "/api/segments/" + segmentId + "/members?size=20").body());
            String csv = send(role, "GET", "/api/segments/" + segmentId + "/members.csv").body();

            assertThat(page.get("fields").toString()).as(role.name()).doesNotContain("email", "phone", "first_name");
            assertThat(page.get("items").get(0).has("email")).isFalse();
            assertThat(csv.lines().findFirst().orElseThrow()).as(role.name()).isEqualTo("customer_id,revenue_total");
            assertThat(csv).doesNotContain(emailOf(page.get("items").get(0).get("customer_id").asLong()));
        }
    }

    @Test
    void a_viewer_or_editor_asking_for_personal_data_is_refused_and_nothing_is_recorded() throws Exception {
        long before = audit.all(Pageable.from(0, 1)).getTotalSize();

        HttpResponse<String> viewer = send(Role.VIEWER, "GET", "/api/segments/" + segmentId + "/members?includePersonalData=true");
        HttpResponse<String> editor = send(Role.EDITOR, "GET", "/api/segments/" + segmentId + "/members.csv?includePersonalData=true");

        for (HttpResponse<String> refused : List.of(viewer, editor)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("personal-data-forbidden");
        }
        assertThat(audit.all(Pageable.from(0, 1)).getTotalSize()).isEqualTo(before);
    }

    @Test
    void an_admin_who_asks_gets_the_personal_fields_and_the_read_is_audited() throws Exception {
        JsonNode page = JSON.readTree(send(Role.ADMIN, "GET",
                "/api/segments/" + segmentId + "/members?size=5&includePersonalData=true").body());

        assertThat(page.get("fields").toString()).contains("email", "phone", "first_name", "last_name");
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("email").asText()).isEqualTo(emailOf(first.get("customer_id").asLong()));
        assertThat(entriesFor(adminName)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("segment.members.personal-data");
            assertThat(e.targetId()).isEqualTo(segmentId);
        });
    }

    @Test
    void an_admin_export_with_personal_data_carries_it_and_the_audit_log_says_so() throws Exception {
        HttpResponse<String> csv = send(Role.ADMIN, "GET", "/api/segments/" + segmentId + "/members.csv?includePersonalData=true");

        assertThat(csv.statusCode()).isEqualTo(200);
        String header = csv.body().lines().findFirst().orElseThrow();
        assertThat(header).startsWith("customer_id,revenue_total,").contains("email", "phone");
        long firstId = Long.parseLong(csv.body().lines().skip(1).findFirst().orElseThrow().split(",")[0]);
        assertThat(csv.body()).contains(emailOf(firstId));
        assertThat(entriesFor(adminName)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("segment.export");
            assertThat(e.detail()).contains("including personal data");
        });
    }

    private List<AuditEntry> entriesFor(String actor) {
        return audit.forTarget("segment", segmentId, Pageable.from(0, 100)).getContent().stream()
                .filter(e -> e.actor().equals(actor)).toList();
    }

    private String emailOf(long customerId) throws Exception {
        return warehouse.readOnly(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT email FROM customers WHERE customer_id = ?")) {
                s.setLong(1, customerId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private HttpResponse<String> send(Role role, String method, String path) throws Exception {
        return send(role, method, path, null);
    }

    private HttpResponse<String> send(Role role, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Authorization", "Bearer " + key.get(role))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
