package dev.segmentagent.preview;

import dev.segmentagent.segment.Condition;

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

    /** Name of the boolean column holding step i's own condition in the funnel query. */
    static String column(int step) {
        return "c" + step;
    }

    /** Over the step columns: what is counted at step i (all conditions so far for an "and"). */
    String stepExpression(int step) {
        if (kind == Kind.CUMULATIVE_AND) {
            return joined(step + 1, " AND ");
        }
        return column(step);
    }

    /** Over the step columns: the whole definition (the steps are exactly the root's children). */
    String totalExpression() {
        return switch (kind) {
            case CUMULATIVE_AND -> joined(steps.size(), " AND ");
            case EACH_OR_BRANCH -> joined(steps.size(), " OR ");
            case SINGLE -> column(0);
        };
    }

    private static String joined(int count, String operator) {
        StringBuilder expression = new StringBuilder();
        for (int i = 0; i < count; i++) {
            expression.append(i == 0 ? "" : operator).append(column(i));
        }
        return expression.toString();
    }
}
