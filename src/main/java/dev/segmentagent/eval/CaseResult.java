package dev.segmentagent.eval;

import java.util.List;

/**
 * How one case went.
 *
 * @param outcome       answer | clarification | declined | error
 * @param correct       exact member match for an answerable case; the expected clarify/decline otherwise
 * @param jaccard       |produced ∩ gold| / |produced ∪ gold| (1 when both are empty); null when not comparable
 * @param fieldsCorrect whether the fields used equal the gold definition's fields; null when not derivable
 */
public record CaseResult(String id, String request, List<String> tags, String expected, String outcome,
                         boolean correct, Double jaccard, Long producedCount, Long goldCount,
                         List<Long> producedSample, List<String> fieldsUsed, List<String> goldFields,
                         Boolean fieldsCorrect, String definition, String detail, long latencyMillis, long tokens) {
}
