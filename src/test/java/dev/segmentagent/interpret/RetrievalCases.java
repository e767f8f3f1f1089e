package dev.segmentagent.interpret;

import java.util.List;
import java.util.Set;

/**
 * Marketer phrasings and the field(s) a correct schema link must surface. Where two fields both answer the
 * request (a score and its tier, a share and a count), either counts as a hit.
 */
final class RetrievalCases {

    record Case(String phrasing, Set<String> expected) {}

    static final List<Case> ALL = List.of(
            new Case("customers who open our emails less than they used to", Set.of("email_open_rate_trend")),
            new Case("lifetime revenue", Set.of("revenue_lifetime")),
            new Case("spent the most", Set.of("revenue_percentile", "revenue_lifetime")),
            new Case("shop on weekends", Set.of("weekend_order_share")),
            new Case("likely to churn", Set.of("churn_risk", "churn_risk_tier")),
            new Case("bought with coupons", Set.of("discount_share", "coupon_orders_365d")),
            new Case("haven't visited recently", Set.of("days_since_last_visit")),
            new Case("big spenders over the last year", Set.of("revenue_365d")),
            new Case("haven't bought anything in months", Set.of("days_since_last_order")),
            new Case("average basket size", Set.of("aov_lifetime", "aov_365d")),
            new Case("left items in their cart", Set.of("cart_abandonments_30d")),
            new Case("people who send back a lot of what they order", Set.of("refund_rate")),
            new Case("gold members of the loyalty programme", Set.of("loyalty_tier")),
            new Case("customers over 50", Set.of("age_years")),
            new Case("signed up recently", Set.of("signup_date", "tenure_days")),
            new Case("use our mobile app", Set.of("has_app_installed", "app_sessions_30d")),
            new Case("unhappy customers who complained", Set.of("support_tickets_90d", "nps_score")),
            new Case("order late at night", Set.of("night_order_share")),
            new Case("bargain hunters", Set.of("price_sensitivity", "discount_share")),
            new Case("customers we are allowed to email", Set.of("marketing_opt_in")),
            new Case("one-time buyers", Set.of("orders_lifetime")),
            new Case("likely to buy in the next month", Set.of("purchase_propensity_30d")));

    private RetrievalCases() {
    }
}
