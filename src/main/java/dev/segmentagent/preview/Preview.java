package dev.segmentagent.preview;

import dev.segmentagent.segment.ValidationIssue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a marketer sees before saving: how many, what share of the base, where the funnel narrows, a sample
 * of members with the fields the definition uses, and the definition in words.
 */
public record Preview(
        long count,
        long baseCount,
        double share,
        String explanation,
        List<FunnelStep> funnel,
        List<String> sampleFields,
        List<Map<String, Object>> sample,
        List<ValidationIssue> warnings,
        Instant asOf,
        long elapsedMillis) {

    /**
     * @param label    the step's condition in words
     * @param count    customers matching at this step (cumulative for an "and", alone for an "or" branch)
     * @param shareOfPrevious count relative to the previous step (or to the base for the first step)
     */
    public record FunnelStep(String label, long count, double shareOfPrevious) {}
}
