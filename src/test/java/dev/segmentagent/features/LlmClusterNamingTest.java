package dev.segmentagent.features;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.segmentagent.interpret.fake.FakeOpenAiServer;
import dev.segmentagent.interpret.fake.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an LLM configured, cluster names are polished by it (through the real langchain4j-open-ai client against
 * the loopback fake); every answer is checked, and what does not fit keeps the rule-based wording.
 */
class LlmClusterNamingTest {

    static final List<ClusterProfile> RULE_NAMED = List.of(
            profile(0, "Weekend discount shoppers", "Buy at weekends, mostly with a discount.", 0.21,
                    new ClusterProfile.Deviation("weekend_order_share", 0.81, 0.29, 2.1),
                    new ClusterProfile.Deviation("discount_order_share", 0.74, 0.22, 1.8)),
            profile(1, "Frequent full-price buyers", "Order often and rarely use discounts.", 0.35,
                    new ClusterProfile.Deviation("orders_365d", 14.2, 5.1, 1.4)),
            profile(2, "Lapsed browsers", "Browse the site but have not bought for months.", 0.44,
                    new ClusterProfile.Deviation("days_since_last_order", 240, 95, 1.2)));

    @Test
    void usable_names_replace_the_rule_based_ones_and_bad_or_duplicate_ones_are_dropped() {
        try (FakeOpenAiServer llm = FakeOpenAiServer.replaying("cluster-names")) {
            ClusterNaming.Result result = naming(llm).name(RULE_NAMED);

            assertThat(result.profiles()).extracting(ClusterProfile::name)
                    .containsExactly("Weekend Deal Hunters", "Frequent full-price buyers", "Lapsed browsers");
            assertThat(result.profiles().get(0).persona()).startsWith("Shop mostly on Saturdays");
            assertThat(result.profiles().get(0).size()).isEqualTo(RULE_NAMED.get(0).size());
            assertThat(result.author()).isEqualTo("LLM test-model");
            assertThat(result.warning()).contains("Frequent full-price buyers", "Lapsed browsers");

            RecordedRequest request = llm.request(0);
            assertThat(request.messages("system").get(0).path("content").asText()).startsWith("You name customer clusters");
            assertThat(request.rawBody()).contains("weekend_order_share", "Weekend discount shoppers", "share");
        }
    }

    @Test
    void a_failing_endpoint_keeps_every_rule_based_name_with_a_warning() {
        try (FakeOpenAiServer llm = FakeOpenAiServer.replaying("cluster-names-down")) {
            ClusterNaming.Result result = naming(llm).name(RULE_NAMED);

            assertThat(result.profiles()).isEqualTo(RULE_NAMED);
            assertThat(result.author()).isEqualTo("rules");
            assertThat(result.warning()).contains("could not name the clusters");
        }
    }

    private static LlmClusterNaming naming(FakeOpenAiServer llm) {
        return new LlmClusterNaming(OpenAiChatModel.builder().baseUrl(llm.baseUrl()).apiKey("test").modelName("test-model")
                .timeout(Duration.ofSeconds(5)).maxRetries(2).build(), "test-model");
    }

    private static ClusterProfile profile(int id, String name, String persona, double share,
                                          ClusterProfile.Deviation... deviations) {
        return new ClusterProfile(id, name, persona, Math.round(share * 3000), share, Map.of(), List.of(deviations));
    }
}
