package dev.segmentagent.features;

/**
 * Fixed probability bands for the score models' tiers. Fixed, not quantiles: "high churn risk" then means the
 * same probability from one run to the next, and a segment on a tier keeps its meaning after retraining.
 *
 * <ul>
 *   <li>churn: high >= 0.60, medium >= 0.30, else low</li>
 *   <li>purchase propensity: high >= 0.50, medium >= 0.20, else low</li>
 * </ul>
 */
record ScoreTiers(double high, double medium) {

    static final ScoreTiers CHURN = new ScoreTiers(0.60, 0.30);
    static final ScoreTiers PROPENSITY = new ScoreTiers(0.50, 0.20);

    String tier(double score) {
        return score >= high ? "high" : score >= medium ? "medium" : "low";
    }
}
