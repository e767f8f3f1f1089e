package dev.segmentagent.features;

import java.util.Arrays;
import java.util.List;

/**
 * RFM: recency, frequency and monetary value each scored 1..5 by quintile breakpoints over the customers who
 * have bought, rfm score = R + F + M (3..15), and the classic named segments from R and the mean of F and M.
 *
 * <p>Breakpoints (not row ranks) decide the score, so customers with equal values get equal scores: with many
 * one-order customers, "frequency 1" is one score, not split across quintiles by id. The breakpoints are the
 * stored state of a version: loading them scores new data the same way.
 *
 * @param recency   4 breakpoints of days since the last order (fewer days is better)
 * @param frequency 4 breakpoints of lifetime orders
 * @param monetary  4 breakpoints of lifetime revenue
 */
record RfmModel(double[] recency, double[] frequency, double[] monetary) {

    static final List<String> SEGMENTS = List.of("champions", "loyal", "potential_loyalist", "new", "at_risk",
            "cant_lose", "hibernating", "lost");

    record Score(int r, int f, int m, String segment) {
        int total() {
            return r + f + m;
        }
    }

    static RfmModel fit(double[] recencyDays, double[] orders, double[] revenue) {
        return new RfmModel(breakpoints(recencyDays), breakpoints(orders), breakpoints(revenue));
    }

    Score score(double recencyDays, double orders, double revenue) {
        int r = 6 - quintile(recency, recencyDays); // most recent quintile scores 5
        int f = quintile(frequency, orders);
        int m = quintile(monetary, revenue);
        return new Score(r, f, m, segment(r, f, m));
    }

    /**
     * The named segment. R decides whether a customer is current; FM (mean of F and M, rounded) how valuable.
     * Order matters: the first rule that matches wins.
     */
    static String segment(int r, int f, int m) {
        int fm = (int) Math.round((f + m) / 2.0);
        if (r >= 4 && fm >= 4) return "champions";
        if (r >= 3 && fm >= 3) return "loyal";
        if (r >= 4 && f == 1) return "new";
        if (r >= 3) return "potential_loyalist";
        if (r == 1 && fm >= 4) return "cant_lose";
        if (fm >= 3) return "at_risk";
        if (r == 2) return "hibernating";
        return "lost";
    }

    /** 1..5: one plus the number of breakpoints the value lies above. */
    private static int quintile(double[] breakpoints, double value) {
        int q = 1;
        for (double b : breakpoints) {
            if (value > b) {
                q++;
            }
        }
        return q;
    }

    private static double[] breakpoints(double[] values) {
        if (values.length == 0) {
            return new double[] {0, 0, 0, 0};
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] points = new double[4];
        for (int i = 1; i <= 4; i++) {
            points[i - 1] = sorted[Math.min(sorted.length - 1, (int) Math.floor(sorted.length * i / 5.0))];
        }
        return points;
    }
}
