package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The models API end to end on the 3,000-customer demo data: train churn over HTTP, follow the run to the
 * end, read the model, then use its scores in a segment and in an outcome check.
 */
@MicronautTest
class ModelApiHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void given_demo_data_when_churn_is_trained_over_http_then_a_churn_score_segment_has_members() throws Exception {
        HttpResponse<String> accepted = client.toBlocking().exchange(
                HttpRequest.POST("/api/models/churn/train", "").contentType(MediaType.APPLICATION_JSON), String.class);
        assertThat(accepted.getStatus().getCode()).isEqualTo(202);
        String runId = JSON.readTree(accepted.body()).get("id").asText();
        assertThat(accepted.getHeaders().get("Location")).isEqualTo("/api/models/runs/" + runId);

        JsonNode run = awaitRun(runId);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("percent").asInt()).isEqualTo(100);
        assertThat(run.get("metrics").get("holdout_roc_auc").asDouble()).isGreaterThan(0.7);

        JsonNode model = get("/api/models/churn");
        int version = run.get("version").asInt();
        assertThat(model.get("active").get("version").asInt()).isEqualTo(version);
        assertThat(model.get("activeDetails").get("details").get("importance").size()).isPositive();
        assertThat(model.get("activeDetails").get("details").get("calibration").size()).isEqualTo(10);
        assertThat(model.get("activeDetails").get("provenance").isObject()).isTrue();
        assertThat(model.get("activeDetails").get("data_snapshot").get("catalog_fingerprint").asText()).isNotBlank();

        JsonNode preview = post("/api/segments/preview",
                "{\"definition\": {\"condition\": {\"type\": \"score\", \"model\": \"churn\", \"op\": \">=\", \"value\": 0.5}}}");
        assertThat(preview.get("count").asLong()).isPositive();
        JsonNode byField = post("/api/segments/preview",
                "{\"definition\": {\"condition\": {\"type\": \"compare\", \"field\": \"churn_risk\", \"op\": \">=\", \"value\": 0.5}}}");
        assertThat(byField.get("count").asLong()).isEqualTo(preview.get("count").asLong());

        JsonNode outcome = post("/api/segments/outcomes",
                "{\"definition\": {\"condition\": {\"type\": \"score\", \"model\": \"churn\", \"tier\": \"high\"}}}");
        assertThat(outcome.get("segment").get("churnRiskMean").asDouble())
                .isGreaterThan(outcome.get("base").get("churnRiskMean").asDouble());
        assertThat(outcome.get("segment").get("lapsedRate").asDouble())
                .isGreaterThan(outcome.get("base").get("lapsedRate").asDouble());
    }

    @Test
    void given_trained_clusters_when_a_definition_misspells_a_cluster_then_422_names_the_real_clusters() throws Exception {
        HttpResponse<String> accepted = client.toBlocking().exchange(
                HttpRequest.POST("/api/models/behaviour/train", "").contentType(MediaType.APPLICATION_JSON), String.class);
        JsonNode run = awaitRun(JSON.readTree(accepted.body()).get("id").asText());
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        String name = get("/api/models/behaviour").get("activeDetails").get("details").get("profiles").get(0)
                .get("name").asText();

        JsonNode preview = post("/api/segments/preview", "{\"definition\": {\"condition\": {\"type\": \"cluster\", "
                + "\"model\": \"behaviour\", \"cluster\": " + JSON.writeValueAsString(name) + "}}}");
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, () -> post(
                "/api/segments/preview", "{\"definition\": {\"condition\": {\"type\": \"cluster\", "
                        + "\"model\": \"behaviour\", \"cluster\": " + JSON.writeValueAsString(name.toUpperCase()) + "}}}"));

        assertThat(preview.get("count").asLong()).isPositive();
        assertThat(e.getStatus().getCode()).isEqualTo(422);
        JsonNode issue = e.getResponse().getBody(JsonNode.class).orElseThrow().get("issues").get(0);
        assertThat(issue.get("code").asText()).isEqualTo("UNKNOWN_CLUSTER");
        assertThat(issue.get("suggestions").get(0).asText()).isEqualTo(name);
    }

    @Test
    void given_an_unknown_model_when_asked_to_train_then_problem_json_404() {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/models/nope/train", "")
                        .contentType(MediaType.APPLICATION_JSON), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(e.getResponse().getContentType().map(MediaType::toString).orElse("")).contains("problem+json");
        assertThat(e.getResponse().getBody(String.class).orElse("")).contains("unknown_model");
    }

    @Test
    void lists_the_catalog_models_that_can_be_trained() throws Exception {
        JsonNode models = get("/api/models");
        assertThat(models.findValuesAsText("name")).contains("churn", "purchase_propensity", "rfm", "behaviour");
    }

    private JsonNode awaitRun(String runId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        JsonNode run = get("/api/models/runs/" + runId);
        while (Instant.now().isBefore(deadline)
                && (run.get("status").asText().equals("QUEUED") || run.get("status").asText().equals("RUNNING"))) {
            Thread.sleep(250);
            run = get("/api/models/runs/" + runId);
        }
        return run;
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET(path)));
    }

    private JsonNode post(String path, String body) throws Exception {
        return JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_JSON)));
    }
}
