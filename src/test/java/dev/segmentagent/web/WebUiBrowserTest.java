package dev.segmentagent.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segmentagent.security.ApiKeys;
import dev.segmentagent.security.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Files;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web UI in a real headless Chromium against the service on its random port, with access control on:
 * what a marketer does (sign in, preview, save, browse, page members, read the catalog) and what a viewer
 * is told when a change is refused. Expected numbers come from the REST API, called beside the browser.
 */
@MicronautTest(transactional = false) // keys issued here must be visible to the server's own connections
@Property(name = "segment.security.enabled", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserTest {

    // Customers with at least one completed order in the last year: many, so members span several pages.
    private static final String DEFINITION = "{\"condition\": {\"type\": \"compare\", \"field\": \"orders_365d\", \"op\": \">=\", \"value\": 1}}";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApiKeys keys;

    private Browser browser;
    private String adminKey;

    @BeforeAll
    void startBrowser() {
        assumeTrue(Files.isExecutable(Browser.CHROMEDRIVER),
                "Browser tests skipped: /usr/bin/chromedriver is absent (apt-get install chromium chromium-driver)");
        adminKey = key(Role.ADMIN);
        browser = new Browser(server.getURL().toString());
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void given_a_wrong_then_a_right_key_when_signing_in_then_the_wrong_one_is_refused_and_a_typed_definition_previews_the_api_count() {
        browser.openSignedOut("#/ask");
        signIn("sa_not-a-real-key");
        WebElement refusal = browser.await(By.cssSelector("#sign-in .problem"));
        assertThat(refusal.getText()).contains("not accepted").contains("invalid-api-key");

        WebElement keyInput = browser.driver.findElement(By.name("api-key"));
        keyInput.clear();
        keyInput.sendKeys(key(Role.EDITOR), Keys.ENTER);
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("sign-in")));

        typeDefinition(DEFINITION);
        browser.driver.findElement(By.cssSelector(".definition-form button[type=submit]")).click();

        long expected = api("POST", "/api/segments/preview", "{\"definition\": " + DEFINITION + ", \"sample\": 1}").get("count").asLong();
        WebElement count = browser.await(By.cssSelector("[data-testid=preview-count]"));
        assertThat(count.getText()).isEqualTo(grouped(expected));
        assertThat(browser.driver.findElement(By.cssSelector("#preview .funnel")).getText()).contains(grouped(expected));
        assertThat(browser.driver.findElements(By.cssSelector("#preview tbody tr"))).hasSize(10);
        assertThat(browser.driver.findElement(By.cssSelector("#preview-title + [role=status]")).getText())
                .contains(grouped(expected) + " customers");
        browser.screenshot("ask-preview");
    }

    @Test
    void given_an_invalid_definition_when_previewing_then_the_issues_show_inline_and_the_typed_json_is_kept() {
        browser.openSignedOut("#/ask");
        signIn(key(Role.EDITOR));
        String typo = "{\"condition\": {\"type\": \"compare\", \"field\": \"orders_356d\", \"op\": \">=\", \"value\": 1}}";
        typeDefinition(typo);
        browser.driver.findElement(By.cssSelector(".definition-form button[type=submit]")).click();

        WebElement problem = browser.await(By.cssSelector("#preview .problem"));
        assertThat(problem.getText()).contains("definition-rejected").contains("orders_356d").contains("$.condition");
        assertThat(browser.driver.findElement(By.id("definition")).getAttribute("value")).isEqualTo(typo);
    }

    @Test
    void given_an_editor_when_saving_then_the_segment_is_listed_and_its_members_page_like_the_api() {
        browser.openSignedOut("#/ask");
        signIn(key(Role.EDITOR));
        typeDefinition(DEFINITION);
        String name = "Browser buyers " + UUID.randomUUID().toString().substring(0, 8);
        browser.driver.findElement(By.id("segment-name")).sendKeys(name);
        browser.driver.findElement(By.cssSelector(".save-form button[type=submit]")).click();
        WebElement saved = browser.await(By.cssSelector("#save-result .success"));
        assertThat(saved.getText()).contains(name).contains("version 1");

        browser.go("#/segments");
        WebElement search = browser.await(By.name("q"));
        search.sendKeys(name, Keys.ENTER);
        WebElement link = browser.await(By.linkText(name));
        String id = link.getAttribute("href").replaceAll(".*#/segments/", "");
        long total = api("GET", "/api/segments/" + id + "/members?size=1", null).get("total").asLong();
        browser.waitFor(ExpectedConditions.textToBe(By.cssSelector("[data-segment='" + id + "']"), grouped(total)));
        browser.screenshot("segment-list");

        link.click();
        browser.await(By.cssSelector("#members tbody tr"));
        assertThat(browser.driver.findElement(By.cssSelector("#members .count")).getText()).startsWith(grouped(total) + " customers");
        browser.driver.findElement(By.xpath("//nav[@aria-label='Members pages']//button[contains(., 'Next')]")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#members .pager-pos"), "Page 2 of"));
        String secondPageFirstId = api("GET", "/api/segments/" + id + "/members?page=1&size=25", null)
                .get("items").get(0).get("customer_id").asText();
        assertThat(browser.driver.findElement(By.cssSelector("#members tbody tr td")).getText())
                .isEqualTo(secondPageFirstId);
        assertThat(browser.driver.findElements(By.cssSelector("#members tbody tr"))).hasSize(25);
        browser.screenshot("segment-page");
    }

    @Test
    void given_a_search_when_opening_a_field_then_its_profile_shows_the_catalog_numbers() {
        browser.openSignedOut("#/catalog");
        signIn(key(Role.VIEWER));
        WebElement search = browser.await(By.name("q"));
        search.sendKeys("orders last year", Keys.ENTER);
        browser.await(By.linkText("orders_365d")).click();

        JsonNode profile = api("GET", "/api/catalog/fields/orders_365d", null).get("profile");
        WebElement distinct = browser.await(By.cssSelector("#field-profile [data-stat=distinct] dd"));
        assertThat(distinct.getText()).isEqualTo(grouped(profile.get("distinct").asLong()));
        assertThat(browser.driver.findElement(By.cssSelector("#field-profile [data-stat=max] dd")).getText())
                .isEqualTo(grouped(profile.get("max").asLong()));
        assertThat(browser.driver.findElement(By.cssSelector("#field-profile [data-stat=null-rate] dd")).getText())
                .isEqualTo(String.format(Locale.ENGLISH, "%.1f%%", profile.get("nullRate").asDouble() * 100));
        browser.screenshot("catalog-profile");
    }

    @Test
    void given_a_viewer_key_when_saving_then_a_clear_forbidden_message_shows_and_save_is_disabled() {
        browser.openSignedOut("#/ask");
        signIn(key(Role.VIEWER));
        typeDefinition(DEFINITION);
        browser.driver.findElement(By.id("segment-name")).sendKeys("Viewer tries to save");
        browser.driver.findElement(By.cssSelector(".save-form button[type=submit]")).click();

        WebElement problem = browser.await(By.cssSelector("#save-result .problem"));
        assertThat(problem.getText()).contains("Your key may not do this").contains("forbidden").contains("editor role");
        assertThat(browser.driver.findElement(By.cssSelector(".save-form button[type=submit]")).isEnabled()).isFalse();
        assertThat(browser.driver.findElement(By.id("banner")).getText()).contains("Read-only key");
        assertThat(api("GET", "/api/segments?q=Viewer%20tries%20to%20save", null).get("total").asLong()).isZero();
        browser.screenshot("viewer-forbidden");
    }

    @Test
    void given_only_a_keyboard_when_asking_a_vague_request_then_enter_submits_and_a_clarifying_option_re_asks_with_a_preview() {
        browser.openSignedOut("#/ask");
        browser.await(By.name("api-key")).sendKeys(key(Role.EDITOR), Keys.ENTER);
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("sign-in")));
        browser.await(By.id("request"));
        browser.js("document.activeElement.blur(); window.scrollTo(0, 0);");

        int tabs = 0;
        while (!"request".equals(browser.js("return document.activeElement && document.activeElement.id")) && tabs < 25) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            tabs++;
        }
        assertThat(browser.js("return document.activeElement.id")).as("focus reached the request box by Tab").isEqualTo("request");
        assertThat(browser.js("return getComputedStyle(document.activeElement).outlineStyle")).isNotEqualTo("none");

        browser.driver.switchTo().activeElement().sendKeys("active customers", Keys.ENTER);

        // the offline planner asks which "active" is meant; answering with the keyboard re-asks
        WebElement option = browser.await(By.cssSelector(".clarification button.option"));
        assertThat(browser.driver.findElement(By.cssSelector(".clarification .question")).getText()).contains("active");
        String chosen = option.getText();
        option.sendKeys(Keys.ENTER);
        browser.await(By.cssSelector(".answer .interpretation"));
        WebElement count = browser.await(By.cssSelector("#preview [data-testid=preview-count]"));
        String definition = browser.driver.findElement(By.id("definition")).getAttribute("value");
        long expected = api("POST", "/api/segments/preview", "{\"definition\": " + definition + ", \"sample\": 1}").get("count").asLong();
        assertThat(count.getText()).isEqualTo(grouped(expected));
        assertThat(browser.driver.findElement(By.id("request")).getAttribute("value")).contains(chosen);
        browser.screenshot("ask-answer");
    }

    @Test
    void given_a_marketer_when_asking_answering_saving_and_opening_the_segment_then_history_members_and_csv_match_the_api() {
        browser.openSignedOut("#/ask");
        signIn(key(Role.EDITOR));
        WebElement request = browser.await(By.id("request"));
        request.sendKeys("active customers", Keys.ENTER);
        WebElement option = browser.await(By.cssSelector(".clarification button.option"));
        option.click();
        WebElement count = browser.await(By.cssSelector("#preview [data-testid=preview-count]"));
        String definition = browser.driver.findElement(By.id("definition")).getAttribute("value");
        long expected = api("POST", "/api/segments/preview", "{\"definition\": " + definition + ", \"sample\": 1}").get("count").asLong();
        assertThat(count.getText()).isEqualTo(grouped(expected));

        WebElement name = browser.driver.findElement(By.id("segment-name"));
        assertThat(name.getAttribute("value")).as("the draft's name is offered").isNotBlank();
        String segmentName = "Journey " + UUID.randomUUID().toString().substring(0, 8);
        name.clear();
        name.sendKeys(segmentName);
        browser.driver.findElement(By.cssSelector(".save-form button[type=submit]")).click();
        browser.await(By.linkText("Open the segment")).click();

        browser.await(By.cssSelector("#members tbody tr"));
        String id = browser.driver.getCurrentUrl().replaceAll(".*#/segments/", "");
        JsonNode members = api("GET", "/api/segments/" + id + "/members?size=1", null);
        assertThat(members.get("total").asLong()).isEqualTo(expected);
        assertThat(browser.driver.findElement(By.cssSelector("#members .count")).getText()).startsWith(grouped(expected) + " customers");

        // saving materialised the segment once; a manual refresh adds the second point the chart needs
        browser.await(By.id("live-title"));
        assertThat(browser.driver.findElement(By.id("live-size")).getText()).isEqualTo(grouped(expected));
        browser.driver.findElement(By.xpath("//section[@aria-labelledby='live-title']//button[contains(., 'Refresh now')]")).click();
        browser.await(By.cssSelector("#history-chart svg"));
        JsonNode history = api("GET", "/api/segments/" + id + "/history", null);
        assertThat(history.get("runs").size()).isGreaterThanOrEqualTo(2);
        assertThat(browser.driver.findElement(By.cssSelector("#outcomes")).getText()).contains("Customers").contains(grouped(expected));

        browser.driver.findElement(By.id("csv")).click();
        WebElement downloaded = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=csv-status]")));
        browser.waitFor(ExpectedConditions.textToBePresentInElement(downloaded, "downloaded"));
        String csv = client.toBlocking().retrieve(HttpRequest.GET("/api/segments/" + id + "/members.csv").bearerAuth(adminKey));
        assertThat(downloaded.getText()).contains(grouped(csv.lines().count() - 1) + " members");
        browser.js("window.scrollTo(0, 0);");
        browser.screenshot("segment-journey");
        browser.js("document.getElementById('members-title').scrollIntoView();");
        browser.screenshot("segment-members");
    }

    @Test
    void given_trained_models_when_opening_the_models_pages_then_metrics_and_cluster_personas_match_the_api() {
        train("behaviour");
        train("churn");
        browser.openSignedOut("#/models");
        signIn(key(Role.VIEWER));
        WebElement churnCard = browser.await(By.cssSelector("[data-model=churn]"));
        JsonNode churn = api("GET", "/api/models/churn", null);
        double auc = churn.get("active").get("metrics").get("holdout_roc_auc").asDouble();
        assertThat(churnCard.findElement(By.cssSelector("[data-metric=holdout_roc_auc] dd")).getText())
                .isEqualTo(String.format(Locale.ENGLISH, "%.3f", auc));
        browser.screenshot("models");

        browser.driver.findElement(By.linkText("Behaviour clusters")).click();
        browser.await(By.id("personas-title"));
        JsonNode profiles = api("GET", "/api/models/behaviour", null).get("activeDetails").get("details").get("profiles");
        assertThat(browser.driver.findElements(By.cssSelector(".persona"))).hasSize(profiles.size());
        assertThat(browser.driver.findElement(By.cssSelector(".persona-grid")).getText())
                .contains(profiles.get(0).get("name").asText())
                .contains(grouped(profiles.get(0).get("size").asLong()) + " customers");
        browser.screenshot("model-clusters");
    }

    /** Trains through the REST API the page's own button uses, and waits for the run (small test settings). */
    private void train(String model) {
        JsonNode run = api("POST", "/api/models/" + model + "/train", "");
        String status = run.get("status").asText();
        for (int i = 0; i < 600 && (status.equals("QUEUED") || status.equals("RUNNING")); i++) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            run = api("GET", "/api/models/runs/" + run.get("id").asText(), null);
            status = run.get("status").asText();
        }
        assertThat(status).as("training %s: %s", model, run).isEqualTo("SUCCEEDED");
    }

    private void signIn(String key) {
        browser.await(By.name("api-key")).sendKeys(key, Keys.ENTER);
        if (!key.startsWith("sa_not")) {
            browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("sign-in")));
        }
    }

    private void typeDefinition(String json) {
        WebElement textarea = browser.await(By.id("definition"));
        textarea.clear();
        textarea.sendKeys(json);
    }

    private String key(Role role) {
        return keys.issue("ui-" + role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8), role, "test").key();
    }

    private JsonNode api(String method, String path, String body) {
        MutableHttpRequest<?> request = "POST".equals(method)
                ? HttpRequest.POST(path, body).contentType("application/json")
                : HttpRequest.GET(path);
        return client.toBlocking().retrieve(request.bearerAuth(adminKey), JsonNode.class);
    }

    private static String grouped(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }
}
