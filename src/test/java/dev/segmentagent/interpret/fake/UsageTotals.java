package dev.segmentagent.interpret.fake;

/** Token usage summed over the chat completions the fake server returned. */
public record UsageTotals(long promptTokens, long completionTokens, long totalTokens, int completions) {

    static final UsageTotals ZERO = new UsageTotals(0, 0, 0, 0);

    UsageTotals plus(long prompt, long completion, long total) {
        return new UsageTotals(promptTokens + prompt, completionTokens + completion, totalTokens + total,
                completions + 1);
    }
}
