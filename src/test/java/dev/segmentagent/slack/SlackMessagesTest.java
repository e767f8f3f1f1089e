package dev.segmentagent.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import dev.segmentagent.interpret.AskResult;
import dev.segmentagent.interpret.Interpretation.Option;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Block Kit stays within Slack's limits whatever the service answers, and user text cannot inject markup. */
class SlackMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void clarification_buttons_respect_slack_limits_and_carry_the_option_request() throws Exception {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            options.add(new Option("option " + i + " " + "x".repeat(100), "refined request " + i + " " + "y".repeat(2500)));
        }
        AskResult result = new AskResult("req", "offline-planner", "clarification", null, null, List.of(), List.of(),
                null, null, List.of(), "Which <b>kind</b> of active?", options, null, List.of(), null, 1, 0);

        SlackMessages.Message message = SlackMessages.clarification(result);
        JsonNode blocks = JSON.readTree(GsonFactory.createSnakeCase().toJson(message.blocks()));

        assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("Which &lt;b&gt;kind&lt;/b&gt; of active?");
        JsonNode buttons = blocks.get(1).get("elements");
        assertThat(buttons).hasSize(25); // an actions block holds at most 25 elements
        for (JsonNode button : buttons) {
            assertThat(button.get("text").get("text").asText().length()).isLessThanOrEqualTo(75);
            assertThat(button.get("value").asText().length()).isLessThanOrEqualTo(2000);
        }
        assertThat(buttons.get(3).get("value").asText()).startsWith("refined request 3 ");
    }

    @Test
    void a_refusal_is_plain_text_with_the_reason_and_suggestions() {
        AskResult result = new AskResult("weather", "offline-planner", "declined", null, null, List.of(), List.of(),
                null, null, List.of(), null, List.of(), "weather is not customer data", List.of("customers in Paris"),
                null, 1, 0);

        SlackMessages.Message message = SlackMessages.declined(result);

        assertThat(message.blocks()).isEmpty();
        assertThat(message.text()).contains("weather is not customer data").contains("customers in Paris");
    }
}
