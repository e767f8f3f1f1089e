package dev.segmentagent.interpret.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.catalog.FieldSpec;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tools the model calls, on the demo data: answers come from the catalog, aggregate profiles and the
 * preview pipeline, and personal data that conditions may not test never reaches the model.
 */
@MicronautTest
@Property(name = "segment.llm.base-url", value = "http://127.0.0.1:9/v1")
class AgentToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgentTools tools;

    @Inject
    CatalogService catalogs;

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void search_returns_look_alikes_side_by_side_with_their_descriptions() throws IOException {
        JsonNode found = json(tools.searchFields("lifetime value"));

        List<String> names = new ArrayList<>();
        found.path("fields").forEach(f -> names.add(f.path("field").asText()));
        assertThat(names).hasSizeLessThanOrEqualTo(AgentTools.SEARCH_RESULTS).contains("revenue_total");
        JsonNode total = found.path("fields").get(names.indexOf("revenue_total"));
        assertThat(total.path("unit").asText()).isEqualTo("EUR");
        assertThat(total.path("lookAlikes").toString()).contains("gross_merchandise_value");
    }

    @Test
    void a_deprecated_field_is_described_with_its_replacement() throws IOException {
        JsonNode card = json(tools.describeField("total_spend"));

        assertThat(card.path("deprecatedUseInstead").asText()).isEqualTo("revenue_total");
    }

    @Test
    void personal_fields_that_conditions_may_not_test_are_invisible_to_the_model() {
        List<FieldSpec> hidden = catalogs.catalog().fields().stream()
                .filter(f -> f.pii() && !f.piiConditionAllowed()).toList();
        assertThat(hidden).extracting(FieldSpec::name).contains("email", "birth_date");

        for (FieldSpec field : hidden) {
            assertThat(tools.describeField(field.name())).contains("no field named");
            assertThat(tools.sampleValues(field.name())).contains("no field named");
        }
        String search = tools.searchFields("email address phone number first name last name birth date");
        hidden.forEach(f -> assertThat(search).doesNotContain("\"field\":\"" + f.name() + "\""));
        assertThat(search).doesNotContain("@");
    }

    @Test
    void sample_values_are_counts_over_customers_for_a_low_cardinality_field() throws IOException {
        JsonNode values = json(tools.sampleValues("loyalty_tier"));

        FieldSpec tier = catalogs.field("loyalty_tier").orElseThrow();
        long total = 0;
        for (JsonNode v : values.path("topValues")) {
            assertThat(tier.allowedValues()).contains(v.path("value").asText());
            total += v.path("count").asLong();
        }
        assertThat(total).isEqualTo(catalogs.profile("loyalty_tier").orElseThrow().nonNull()).isPositive();
        assertThat(json(tools.sampleValues("revenue_total")).path("note").asText()).contains("not a low-cardinality");
    }

    @Test
    void count_members_counts_a_valid_draft_and_returns_suggestions_for_an_invalid_one() throws IOException {
        JsonNode valid = json(tools.countMembers(
                "{\"condition\":{\"type\":\"compare\",\"field\":\"orders_365d\",\"op\":\">=\",\"value\":2}}"));
        JsonNode all = json(tools.countMembers(
                "{\"condition\":{\"type\":\"compare\",\"field\":\"orders_365d\",\"op\":\">=\",\"value\":0}}"));
        JsonNode invalid = json(tools.countMembers(
                "{\"condition\":{\"type\":\"compare\",\"field\":\"orders_last_year\",\"op\":\">=\",\"value\":2}}"));
        JsonNode broken = json(tools.countMembers("{\"condition\":{\"type\":\"greater\"}}"));

        assertThat(valid.path("valid").asBoolean()).isTrue();
        assertThat(valid.path("members").asLong()).isPositive().isLessThan(all.path("members").asLong());
        assertThat(valid.path("ofCustomers").asLong()).isEqualTo(3000);
        assertThat(invalid.path("valid").asBoolean()).isFalse();
        assertThat(invalid.path("issues").get(0).path("code").asText()).isEqualTo("UNKNOWN_FIELD");
        assertThat(invalid.path("issues").get(0).path("suggestions").toString()).contains("orders_365d");
        assertThat(broken.path("error").asText()).contains("unknown node type 'greater'");
    }

    @Test
    void list_models_names_every_score_and_cluster_model_with_tiers() throws IOException {
        JsonNode models = json(tools.listModels()).path("models");

        assertThat(models).hasSize(catalogs.catalog().models().size());
        assertThat(models.toString()).contains("\"model\":\"churn\"", "\"kind\":\"score\"", "\"kind\":\"cluster\"",
                "\"high\"");
    }
}
