package dev.segmentagent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportApiHttpTest implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dataDir = Path.of("target", "test-data", "import-api-" + System.nanoTime()).toAbsolutePath();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    WarehouseFacts facts;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("segment.data.dir", dataDir.toString(), "segment.data.demo-customers", "500");
    }

    @Test
    void a_bad_file_is_a_problem_with_stage_import_and_its_lines_and_a_good_one_replaces_the_data() throws Exception {
        long before = facts.customerCount();
        Path bad = dataDir.resolve("dups.csv");
        Files.writeString(bad, "Cust ID,plan\n1,pro\n1,free\n");

        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/imports",
                        "{\"customers\": \"" + bad + "\", \"idColumn\": \"Cust ID\"}")
                        .contentType(MediaType.APPLICATION_JSON), String.class));

        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(e.getResponse().getContentType().map(MediaType::toString)).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(e.getResponse().getBody(String.class).orElseThrow());
        assertThat(problem.path("code").asText()).isEqualTo("duplicate-key");
        assertThat(problem.path("stage").asText()).isEqualTo("import");
        assertThat(problem.path("issues").get(0).path("rows").toString()).isEqualTo("[2,3]");
        assertThat(facts.customerCount()).isEqualTo(before);

        Path good = dataDir.resolve("good.csv");
        Files.writeString(good, "Cust ID,plan\n1,pro\n2,free\n");
        JsonNode report = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/imports",
                "{\"customers\": \"" + good + "\", \"idColumn\": \"Cust ID\"}").contentType(MediaType.APPLICATION_JSON)));
        assertThat(report.path("rows").path("customers").asLong()).isEqualTo(2);
        assertThat(report.path("drafted").asBoolean()).isTrue();
        assertThat(Path.of(report.path("catalog").asText()).resolve("imported.yml")).exists();
        assertThat(facts.customerCount()).isEqualTo(2);
    }
}
