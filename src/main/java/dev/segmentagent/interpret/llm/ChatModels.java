package dev.segmentagent.interpret.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** The configured OpenAI-compatible chat model, built the same way for every LLM task of the service. */
public final class ChatModels {

    private ChatModels() {
    }

    public static ChatModel of(LlmConfig config) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .baseUrl(config.baseUrl())
                .apiKey(config.effectiveApiKey())
                .modelName(config.model())
                .timeout(config.timeout())
                .maxRetries(config.maxRetries())
                .temperature(config.temperature())
                .maxTokens(config.maxOutputTokens());
        if (config.jsonMode()) {
            builder.responseFormat(ResponseFormat.JSON);
        }
        return builder.build();
    }
}
