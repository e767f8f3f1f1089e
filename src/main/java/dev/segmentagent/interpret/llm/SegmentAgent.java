package dev.segmentagent.interpret.llm;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import dev.langchain4j.service.memory.ChatMemoryAccess;

/**
 * The langchain4j AI service behind {@link LlmInterpreter}. Prompts are the files under {@code prompts/},
 * filled by langchain4j's prompt templates. One conversation (memory id) per interpretation, so a repair
 * turn sees the model's own previous answer and tool results; the memory is evicted when the request ends.
 * Answers are returned as text and parsed by {@link ReplyReader}, so that output which is not a definition
 * becomes a repair turn instead of an exception.
 */
interface SegmentAgent extends ChatMemoryAccess {

    @SystemMessage(fromResource = "/prompts/system.md")
    @UserMessage(fromResource = "/prompts/user.md")
    Result<String> interpret(@MemoryId String conversation,
                             @V("request") String request,
                             @V("asOf") String asOf,
                             @V("candidates") String candidates,
                             @V("schema") String schema,
                             @V("vocabulary") String vocabulary,
                             @V("examples") String examples);

    @UserMessage(fromResource = "/prompts/repair.md")
    Result<String> repair(@MemoryId String conversation,
                          @V("issues") String issues,
                          @V("attempt") int attempt,
                          @V("maxAttempts") int maxAttempts);
}
