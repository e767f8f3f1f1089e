package dev.segmentagent.warehouse;

/**
 * The behaviours the generator plants, one primary persona per customer. The numbers are the persona's
 * typical behaviour; each customer varies around them so the personas overlap a little at the edges.
 */
enum Persona {
    //                 code                   share  orders/yr  browse/yr  open   discount  value/std/premium     min age (days)
    SEASONAL_BUYER("seasonal_buyer", 0.08, 0.0, 2, 0.25, 0.20, new double[] {30, 55, 15}, 300),
    WEEKEND_SHOPPER("weekend_shopper", 0.10, 7, 3, 0.25, 0.20, new double[] {30, 55, 15}, 14),
    DISCOUNT_ONLY("discount_only", 0.08, 6, 3, 0.35, 1.00, new double[] {50, 40, 10}, 14),
    PREMIUM_LOYALIST("premium_loyalist", 0.06, 14, 4, 0.60, 0.08, new double[] {5, 20, 75}, 120),
    WINDOW_SHOPPER("window_shopper", 0.10, 0.0, 12, 0.25, 0.20, new double[] {30, 55, 15}, 14),
    ONE_TIME_BUYER("one_time_buyer", 0.12, 0.0, 2, 0.20, 0.20, new double[] {30, 55, 15}, 7),
    DECLINING_ENGAGEMENT("declining_engagement", 0.10, 8, 3, 0.40, 0.20, new double[] {30, 55, 15}, 330),
    REGULAR("regular", 0.36, 6, 2, 0.25, 0.20, new double[] {30, 55, 15}, 7);

    private final String code;
    private final double share;
    private final double ordersPerYear;
    private final double browseSessionsPerYear;
    private final double openPropensity;
    private final double discountedShare;
    private final double[] brandTierCumulative;
    private final int minAgeDays;

    Persona(String code, double share, double ordersPerYear, double browseSessionsPerYear, double openPropensity,
            double discountedShare, double[] brandTierWeights, int minAgeDays) {
        this.code = code;
        this.share = share;
        this.ordersPerYear = ordersPerYear;
        this.browseSessionsPerYear = browseSessionsPerYear;
        this.openPropensity = openPropensity;
        this.discountedShare = discountedShare;
        this.brandTierCumulative = SeededRandom.cumulative(brandTierWeights);
        this.minAgeDays = minAgeDays;
    }

    private static final Persona[] ALL = values();
    private static final double[] SHARES_CUMULATIVE;

    static {
        double[] shares = new double[ALL.length];
        for (int i = 0; i < ALL.length; i++) {
            shares[i] = ALL[i].share;
        }
        SHARES_CUMULATIVE = SeededRandom.cumulative(shares);
    }

    static Persona draw(java.util.SplittableRandom random) {
        return ALL[SeededRandom.pick(random, SHARES_CUMULATIVE)];
    }

    String code() {
        return code;
    }

    /** Mean orders per year of steady buying; 0 for personas whose orders follow their own rule. */
    double ordersPerYear() {
        return ordersPerYear;
    }

    double browseSessionsPerYear() {
        return browseSessionsPerYear;
    }

    double openPropensity() {
        return openPropensity;
    }

    /** Share of orders that carry a coupon. */
    double discountedShare() {
        return discountedShare;
    }

    double[] brandTierCumulative() {
        return brandTierCumulative;
    }

    /**
     * How long before as-of the customer must have signed up for the persona to show (a decline needs
     * months of history before a churn that itself lies ≥ 60 days back).
     */
    int minAgeDays() {
        return minAgeDays;
    }
}
