package dev.segmentagent.interpret.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * What every LLM task of the service shares: the configured OpenAI-compatible chat model, built one way, and
 * the prompt files it is instructed with.
 */
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

    /** A model's JSON reply without the Markdown code fence some models wrap it in even when told not to. */
    public static String withoutCodeFence(String reply) {
        String text = reply == null ? "" : reply.trim();
        if (text.startsWith("```")) {
            text = text.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return text;
    }

    /** A prompt or schema file from the classpath ({@code prompts/} is packaged under {@code /prompts}). */
    public static String resource(String name) {
        try (InputStream in = ChatModels.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name + " (is prompts/ on the classpath?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }
}
