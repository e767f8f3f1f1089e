package dev.segmentagent.interpret.llm;

import dev.segmentagent.interpret.RequestInterpreter;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@code segment.llm.*} binds: documented defaults, validation at start, and off without a base URL. */
class LlmConfigTest {

    private static ApplicationContext start(Map<String, Object> llm) {
        Map<String, Object> properties = new HashMap<>(llm);
        properties.put("segment.data.dir", "./target/test-data/llm-config");
        properties.put("segment.startup.prepare-data", "false");
        properties.put("segment.catalog.verify-warehouse", "false");
        return ApplicationContext.run(properties, "test");
    }

    @Test
    void given_only_a_base_url_when_bound_then_the_documented_defaults_apply() {
        try (ApplicationContext context = start(Map.of("segment.llm.base-url", "http://localhost:11434/v1",
                "segment.llm.model", "llama3.1:8b"))) {
            LlmConfig config = context.getBean(LlmConfig.class);

            assertThat(config.baseUrl()).isEqualTo("http://localhost:11434/v1");
            assertThat(config.model()).isEqualTo("llama3.1:8b");
            assertThat(config.maxRepairAttempts()).isEqualTo(3);
            assertThat(config.maxRetries()).isEqualTo(2);
            assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(config.temperature()).isZero();
            assertThat(config.candidateFields()).isEqualTo(25);
            assertThat(config.jsonMode()).isTrue();
            assertThat(config.effectiveApiKey()).as("Ollama needs no key; the client still sends one").isNotBlank();
        }
    }

    @Test
    void given_an_out_of_range_setting_when_the_config_is_read_then_start_fails_naming_it() {
        try (ApplicationContext context = start(Map.of("segment.llm.base-url", "http://localhost:8000/v1",
                "segment.llm.max-repair-attempts", "-1"))) {
            assertThatThrownBy(() -> context.getBean(LlmConfig.class))
                    .hasMessageContaining("maxRepairAttempts");
        }
    }

    @Test
    void given_no_base_url_when_the_app_starts_then_no_llm_agent_exists() {
        try (ApplicationContext context = start(Map.of())) {
            assertThat(context.getProperty("segment.llm.base-url", String.class)).hasValue("");
            assertThat(context.containsBean(LlmConfig.class)).isFalse();
            assertThat(context.getBeansOfType(RequestInterpreter.class)).noneMatch(LlmInterpreter.class::isInstance);
        }
    }
}
