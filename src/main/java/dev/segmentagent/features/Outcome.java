package dev.segmentagent.features;

/**
 * What a binary model predicts about the days after a cut-off, and for whom.
 *
 * @param model        the catalog model the scores belong to
 * @param horizonDays  length of the window after the cut-off the label looks at
 * @param positiveWhenOrdered true: positive when the customer orders in the window (propensity);
 *                     false: positive when the customer does not (churn)
 * @param buyersOnly   true: only customers with at least one order before the cut-off (churn needs a
 *                     customer who bought to stop buying)
 */
record Outcome(String model, int horizonDays, boolean positiveWhenOrdered, boolean buyersOnly) {

    static Outcome churn(int horizonDays) {
        return new Outcome("churn", horizonDays, false, true);
    }

    static Outcome purchase(int horizonDays) {
        return new Outcome("purchase_propensity", horizonDays, true, false);
    }
}
