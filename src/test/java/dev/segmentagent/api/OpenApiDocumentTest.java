package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** REST clients rely on the OpenAPI document: it is served, browsable, and lists every API route the server has. */
@MicronautTest
class OpenApiDocumentTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    @Test
    void openapi_document_lists_every_api_route_of_the_running_server() throws Exception {
        String yaml = client.toBlocking().retrieve(HttpRequest.GET("/swagger/segment-agent.yml"));
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("paths");

        Set<String> missing = new TreeSet<>();
        router.uriRoutes().map(UriRouteInfo.class::cast).forEach(route -> {
            String path = route.getUriMatchTemplate().toPathString();
            // Micronaut answers HEAD for every GET by itself; the document lists the GET
            if (!path.startsWith("/api/") || route.getHttpMethodName().equals("HEAD")) {
                return;
            }
            String method = route.getHttpMethodName().toLowerCase(Locale.ROOT);
            if (!paths.path(path).has(method)) {
                missing.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
        });

        assertThat(missing).as("routes absent from the OpenAPI document").isEmpty();
        assertThat(paths.has("/api/segments/preview")).isTrue();
    }

    @Test
    void swagger_ui_is_served_from_the_jar_without_any_cdn() {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/swagger-ui/index.html"), String.class);

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("/swagger/segment-agent.yml").doesNotContain("https://");
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/swagger-ui/res/swagger-ui-bundle.js"), String.class)
                .code()).isEqualTo(200);
    }
}
