package dev.segmentagent.interpret;

import java.util.List;

/**
 * What one interpretation cost: tokens over every model call (tool rounds and repairs included), how many
 * calls, which tools ran in order, how many repair rounds, and the wall time. The offline planner costs no
 * tokens and reports {@link #offline(long)}.
 */
public record InterpretationUsage(long promptTokens, long completionTokens, int llmCalls, int repairs,
                                  List<String> toolsCalled, long millis) {

    public InterpretationUsage {
        toolsCalled = List.copyOf(toolsCalled);
    }

    public static InterpretationUsage offline(long millis) {
        return new InterpretationUsage(0, 0, 0, 0, List.of(), millis);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
