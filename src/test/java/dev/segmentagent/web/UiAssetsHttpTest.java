package dev.segmentagent.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI's files as the service serves them, without a browser: the page at /, and every ES module it
 * imports (followed transitively) served as JavaScript, since a browser refuses a module with any other
 * content type and one broken import path blanks the whole UI.
 */
@MicronautTest
class UiAssetsHttpTest {

    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s[^'\"]*['\"](\\./[^'\"]+|\\.\\./[^'\"]+)['\"]");
    private static final Pattern ENTRY = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"");

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void the_root_serves_the_page_without_an_api_key() {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/"), String.class);

        assertThat(page.getContentType().orElseThrow().toString()).startsWith("text/html");
        assertThat(page.body()).contains("<main id=\"main\"").contains("lang=\"en\"");
    }

    @Test
    void every_module_the_page_imports_is_served_as_javascript() {
        String page = client.toBlocking().retrieve(HttpRequest.GET("/"), String.class);
        Matcher entry = ENTRY.matcher(page);
        assertThat(entry.find()).as("the page loads an ES module").isTrue();

        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(entry.group(1));
        while (!todo.isEmpty()) {
            String path = todo.removeFirst();
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<String> module = client.toBlocking().exchange(HttpRequest.GET(path), String.class);
            assertThat(module.getContentType().orElseThrow().toString()).as(path).contains("javascript");
            Matcher imports = IMPORT.matcher(module.body());
            while (imports.find()) {
                todo.add(resolve(path, imports.group(1)));
            }
        }
        assertThat(seen).contains("/js/app.js", "/js/api.js", "/js/pages/ask.js", "/js/pages/segment.js",
                "/js/pages/catalog.js", "/js/chart.js");
    }

    @Test
    void the_stylesheet_is_served_as_css() {
        HttpResponse<String> css = client.toBlocking().exchange(HttpRequest.GET("/app.css"), String.class);

        assertThat(css.getContentType().orElseThrow().toString()).startsWith("text/css");
        assertThat(css.body()).contains(":focus-visible");
    }

    private static String resolve(String from, String relative) {
        String base = from.substring(0, from.lastIndexOf('/'));
        String rest = relative;
        while (rest.startsWith("../")) {
            base = base.substring(0, base.lastIndexOf('/'));
            rest = rest.substring(3);
        }
        return base + "/" + rest.replaceFirst("^\\./", "");
    }
}
