package dev.segmentagent.features;

import java.util.List;

/**
 * Gives behaviour clusters their final names and personas. The rule-based names ({@link ClusterNamer}) are
 * always computed first and are the offline default; a configured LLM may polish them.
 */
interface ClusterNaming {

    /** Keeps the rule-based names. */
    ClusterNaming RULES = new ClusterNaming() {
        @Override
        public Result name(List<ClusterProfile> ruleNamed) {
            return new Result(ruleNamed, "rules", null);
        }
    };

    /**
     * @param ruleNamed the clusters with their rule-based names and personas
     * @return the same clusters (same ids, sizes and profiles), possibly renamed, and who named them
     */
    Result name(List<ClusterProfile> ruleNamed);

    /**
     * @param author  "rules", or the LLM that wrote at least one name
     * @param warning why the LLM's names were not (all) used; null when nothing went wrong
     */
    record Result(List<ClusterProfile> profiles, String author, String warning) {}
}
