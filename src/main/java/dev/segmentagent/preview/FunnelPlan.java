package dev.segmentagent.preview;

import dev.segmentagent.segment.Condition;

import java.util.ArrayList;
import java.util.List;

/**
 * Which counts a preview funnel shows. For a top-level "and" each step adds one more condition, so the
 * marketer sees where the audience shrinks; for a top-level "or" each branch is counted alone (how much each
 * alternative brings); any other root is a single step.
 */
record FunnelPlan(Kind kind, List<Condition> steps) {

    enum Kind { CUMULATIVE_AND, EACH_OR_BRANCH, SINGLE }

    static FunnelPlan of(Condition root) {
        if (root instanceof Condition.And and && and.conditions().size() > 1) {
            return new FunnelPlan(Kind.CUMULATIVE_AND, and.conditions());
        }
        if (root instanceof Condition.Or or && or.conditions().size() > 1) {
            return new FunnelPlan(Kind.EACH_OR_BRANCH, or.conditions());
        }
        return new FunnelPlan(Kind.SINGLE, List.of(root));
    }

    /** The condition whose count is shown at step i. */
    List<Condition> conditionsAt(int step) {
        if (kind == Kind.CUMULATIVE_AND) {
            return new ArrayList<>(steps.subList(0, step + 1));
        }
        return List.of(steps.get(step));
    }
}
