package dev.segmentagent.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Access control over real HTTP: keys, roles, refusals without side effects, and who the audit log names. */
@MicronautTest(transactional = false) // keys issued here must be visible to the server's own connections
@Property(name = "segment.security.enabled", value = "true")
class SecurityHttpTest {

    private static final String DEFINITION = """
            {"condition": {"type": "compare", "field": "orders_365d", "op": ">=", "value": 2}}""";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApiKeys keys;

    @Inject
    Router router;

    private String key(Role role) {
        return keys.issue(role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8), role, "test").key();
    }

    private HttpResponse<JsonNode> call(MutableHttpRequest<?> request, String key) {
        if (key != null) {
            request.bearerAuth(key);
        }
        return client.toBlocking().exchange(request, JsonNode.class);
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request, String key) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> call(request, key));
    }

    @Test
    void request_without_a_key_gets_401_problem_json_naming_the_header_to_send() {
        HttpClientResponseException e = refused(HttpRequest.GET("/api/segments"), null);

        assertThat(e.getStatus().getCode()).isEqualTo(401);
        assertThat(e.getResponse().getHeaders().get("WWW-Authenticate")).isEqualTo("Bearer");
        JsonNode problem = e.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.get("code").asText()).isEqualTo("unauthenticated");
        assertThat(problem.get("stage").asText()).isEqualTo("request");
        assertThat(problem.get("detail").asText()).contains("Authorization: Bearer");
    }

    @Test
    void unknown_and_revoked_keys_are_refused() {
        String key = key(Role.VIEWER);
        assertThat(call(HttpRequest.GET("/api/segments"), key).code()).isEqualTo(200);

        HttpClientResponseException forged = refused(HttpRequest.GET("/api/segments"), key.substring(0, key.length() - 2) + "xx");
        keys.list().stream().filter(k -> key.startsWith(k.keyPrefix()) && k.revokedAt() == null)
                .forEach(k -> keys.revoke(k.id()));
        HttpClientResponseException revoked = refused(HttpRequest.GET("/api/segments"), key);

        assertThat(forged.getStatus().getCode()).isEqualTo(401);
        assertThat(forged.getResponse().getBody(JsonNode.class).orElseThrow().get("code").asText()).isEqualTo("invalid-api-key");
        assertThat(revoked.getStatus().getCode()).isEqualTo(401);
    }

    @Test
    void viewer_previews_but_cannot_save_and_the_refused_save_leaves_nothing_behind() {
        String viewer = key(Role.VIEWER);
        long before = call(HttpRequest.GET("/api/segments?size=1"), viewer).body().path("totalSize").asLong();

        HttpResponse<JsonNode> preview = call(HttpRequest.POST("/api/segments/preview", "{\"definition\": " + DEFINITION + "}"), viewer);
        HttpClientResponseException save = refused(HttpRequest.POST("/api/segments",
                "{\"name\": \"viewer tries\", \"definition\": " + DEFINITION + "}"), viewer);

        assertThat(preview.code()).isEqualTo(200);
        assertThat(preview.body().get("count").asLong()).isPositive();
        assertThat(save.getStatus().getCode()).isEqualTo(403);
        JsonNode problem = save.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.get("code").asText()).isEqualTo("forbidden");
        assertThat(problem.get("detail").asText()).contains("editor");
        assertThat(call(HttpRequest.GET("/api/segments?size=1"), viewer).body().path("totalSize").asLong()).isEqualTo(before);
    }

    @Test
    void editor_saves_and_the_segment_is_attributed_to_the_key_name() {
        String name = "editor-" + UUID.randomUUID().toString().substring(0, 8);
        String editor = keys.issue(name, Role.EDITOR, "test").key();

        HttpResponse<JsonNode> saved = call(HttpRequest.POST("/api/segments",
                "{\"name\": \"Repeat buyers\", \"definition\": " + DEFINITION + "}"), editor);

        assertThat(saved.code()).isEqualTo(201);
        String id = saved.body().get("id").asText();
        JsonNode versions = call(HttpRequest.GET("/api/segments/" + id + "/versions"), editor).body();
        assertThat(versions.get(0).get("createdBy").asText()).isEqualTo(name);
    }

    @Test
    void only_admins_manage_keys_and_an_issued_key_works_once_shown() {
        String editor = key(Role.EDITOR);
        String admin = key(Role.ADMIN);

        HttpClientResponseException byEditor = refused(HttpRequest.POST("/api/keys", "{\"name\": \"x\", \"role\": \"ADMIN\"}"), editor);
        HttpResponse<JsonNode> issued = call(HttpRequest.POST("/api/keys", "{\"name\": \"reporting\", \"role\": \"VIEWER\"}"), admin);
        JsonNode listed = call(HttpRequest.GET("/api/keys"), admin).body();

        assertThat(byEditor.getStatus().getCode()).isEqualTo(403);
        assertThat(issued.code()).isEqualTo(201);
        String newKey = issued.body().get("key").asText();
        assertThat(call(HttpRequest.GET("/api/segments"), newKey).code()).isEqualTo(200);
        assertThat(listed.toString()).doesNotContain(newKey).contains(issued.body().get("view").get("keyPrefix").asText());
    }

    @Test
    void health_and_the_api_documentation_need_no_key() {
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/health"), JsonNode.class).code()).isEqualTo(200);
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/swagger/segment-agent.yml"), String.class).code()).isEqualTo(200);
    }

    @Test
    void every_api_route_that_changes_something_needs_more_than_a_viewer() {
        Set<String> readOnlyPosts = Set.of("/api/segments/preview", "/api/segments/explain", "/api/segments/outcomes",
                "/api/segments/overlap");
        Set<String> open = new TreeSet<>();
        router.uriRoutes().map(UriRouteInfo.class::cast).forEach(route -> {
            String method = route.getHttpMethodName();
            String path = route.getUriMatchTemplate().toPathString();
            boolean reads = method.equals("GET") || method.equals("HEAD") || readOnlyPosts.contains(path);
            if (path.startsWith("/api/") && !reads && AccessRules.required(method, path.replace("{id}", "x")) == Role.VIEWER) {
                open.add(method + " " + path);
            }
        });

        assertThat(open).as("writes a viewer could make").isEmpty();
    }
}
