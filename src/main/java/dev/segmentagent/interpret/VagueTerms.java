package dev.segmentagent.interpret;

import dev.segmentagent.interpret.PlanContext.Rule;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.TimeWindow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static dev.segmentagent.interpret.Grammar.NEG;
import static dev.segmentagent.interpret.PlanContext.g;

/**
 * Vague marketing terms with one sensible reading, each answered with an explicit assumption the marketer can
 * correct: "high-value" (top 20% by lifetime revenue, the threshold read from the data), "frequent buyers",
 * "one-time buyers", "lapsed", "window shoppers", "weekend shoppers", "discount hunters", "slipping
 * engagement"... The thresholds without data behind them are the reviewed ones of the catalog's examples.
 */
final class VagueTerms {

    List<Rule> rules() {
        String neg = "(?:(?<neg>" + NEG + ")\\s+)?";
        List<Rule> rules = new ArrayList<>();
        rules.add(Rule.of("high value", neg + "(?:(?:very\\s+)?high|top|most)\\s+(?:value|valued|valuable|spending)|"
                + "(?:big|top|biggest|high)\\s+spenders|most\\s+valuable|valuable|whales", (m, c) ->
                top(m, c, "revenue_total", 0.8, "top 20% by lifetime revenue")));
        rules.add(Rule.of("low value", "low\\s+(?:value|spending)|low\\s+spenders", (m, c) -> {
            Double p20 = c.percentiles.at("revenue_total", 0.2);
            if (p20 == null) {
                return null;
            }
            c.chose("revenue_total", m.group());
            c.assume("'" + m.group().trim() + "' taken as the bottom 20% by lifetime revenue: revenue_total <= "
                    + money(p20) + " (20th percentile)");
            return Nodes.compare("revenue_total", ComparisonOp.LTE, BigDecimal.valueOf(p20));
        }));
        rules.add(Rule.of("frequent buyers", "frequent\\s+(?:buyers|shoppers|purchasers|customers)|"
                + "(?:buy|buys|shop|shops|order|orders)\\s+(?:very\\s+)?(?:often|frequently)", (m, c) ->
                top(m, c, "orders_365d", 0.8, "top 20% by completed orders in the last 365 days")));
        rules.add(Rule.of("one time buyers", "one\\s+time\\s+(?:buyers|customers|purchasers|shoppers)|(?:bought|"
                + "ordered|purchased)\\s+(?:only\\s+)?1\\s+times|single\\s+purchase\\s+customers", (m, c) -> {
            c.chose("orders_count", m.group());
            return Nodes.compare("orders_count", ComparisonOp.EQ, 1);
        }));
        rules.add(Rule.of("repeat buyers", "repeat\\s+(?:buyers|customers|purchasers)|returning\\s+customers",
                (m, c) -> {
                    c.chose("orders_count", m.group());
                    c.assume("'" + m.group().trim() + "' taken as at least 2 completed orders");
                    return Nodes.compare("orders_count", ComparisonOp.GTE, 2);
                }));
        rules.add(Rule.of("non buyers", "non\\s+buyers|non\\s+purchasers|never\\s+(?:bought|purchased|ordered)\\s+"
                + "anything|(?:have|has)\\s+not\\s+(?:bought|purchased|ordered)\\s+(?:anything\\s+)?yet|"
                + "not\\s+(?:bought|purchased|ordered)\\s+yet", (m, c) -> {
            c.chose("orders_count", m.group());
            return Nodes.compare("orders_count", ComparisonOp.EQ, 0);
        }));
        rules.add(Rule.of("recent buyers", "recent\\s+(?:buyers|purchasers|customers)|(?:bought|purchased|ordered)"
                + "\\s+recently|recently\\s+(?:bought|purchased|ordered)", (m, c) -> {
            c.chose("event:purchase", m.group());
            c.assume("'" + m.group().trim() + "' taken as a completed order in the last 30 days");
            return Nodes.event("purchase", List.of(), TimeWindow.lastDays(30));
        }));
        rules.add(Rule.of("new customers", "(?:new|newly\\s+registered|recently\\s+registered|recent\\s+sign\\s+"
                + "ups?)\\s*(?:customers|members|users|sign\\s+ups?|signups|registrations)?", (m, c) -> {
            if (!m.group().trim().matches("new\\s+.+|newly.*|recent.*")) {
                return null;
            }
            c.chose("days_since_signup", m.group());
            c.assume("'" + m.group().trim() + "' taken as signed up at most 30 days ago (as in the catalog example)");
            return Nodes.compare("days_since_signup", ComparisonOp.LTE, 30);
        }));
        rules.add(Rule.of("lapsed", "lapsed\\s+(?:customers|buyers|shoppers)?|lapsing\\s+(?:customers|buyers)?",
                (m, c) -> {
                    c.chose("orders_count", m.group());
                    c.chose("event:purchase", m.group());
                    c.assume("'" + m.group().trim() + "' taken as bought before but not in the last 180 days");
                    return Nodes.and(List.of(Nodes.compare("orders_count", ComparisonOp.GTE, 1),
                            Nodes.not(Nodes.event("purchase", List.of(), TimeWindow.lastDays(180)))));
                }));
        rules.add(Rule.of("window shoppers", "window\\s+shoppers|just\\s+browsing", (m, c) -> {
            c.chose("product_views_30d", m.group());
            c.chose("event:purchase", m.group());
            c.assume("'window shoppers' taken as at least 10 product views in the last 30 days and no purchase "
                    + "in that time");
            return Nodes.and(List.of(Nodes.compare("product_views_30d", ComparisonOp.GTE, 10),
                    Nodes.not(Nodes.event("purchase", List.of(), TimeWindow.lastDays(30)))));
        }));
        rules.add(Rule.of("weekend shoppers", "weekend\\s+(?:shoppers|buyers)|(?:shop|shops|buy|buys)\\s+(?:mostly\\s+)?"
                + "(?:on|at)\\s+(?:the\\s+)?weekends?", (m, c) -> {
            c.chose("weekend_order_share_365d", m.group());
            c.chose("orders_365d", m.group());
            c.assume("'weekend shoppers' taken as at least 60% of the last year's orders on weekends, with at "
                    + "least 3 orders");
            return Nodes.and(List.of(Nodes.compare("weekend_order_share_365d", ComparisonOp.GTE, 0.6),
                    Nodes.compare("orders_365d", ComparisonOp.GTE, 3)));
        }));
        rules.add(Rule.of("discount only", "(?:only|always)\\s+(?:buy|buys|shop|shops|purchase)\\s+(?:on|with\\s+a)\\s+"
                + "(?:discount|sale|promotion)", (m, c) -> {
            c.chose("discount_share_365d", m.group());
            c.chose("orders_365d", m.group());
            c.assume("'only on discount' taken as at least 90% of the last year's orders discounted, with at "
                    + "least 2 orders");
            return Nodes.and(List.of(Nodes.compare("discount_share_365d", ComparisonOp.GTE, 0.9),
                    Nodes.compare("orders_365d", ComparisonOp.GTE, 2)));
        }));
        rules.add(Rule.of("deal seekers", "(?:discount|bargain|deal)\\s+(?:hunters|seekers)|deal\\s+seekers|"
                + "(?:mostly|usually)\\s+(?:buy|buys|shop|shops)\\s+on\\s+(?:discount|sale)", (m, c) -> {
            c.chose("discount_share_365d", m.group());
            c.assume("'" + m.group().trim() + "' taken as at least half of the last year's orders discounted");
            return Nodes.compare("discount_share_365d", ComparisonOp.GTE, 0.5);
        }));
        rules.add(Rule.of("returners", "(?:frequent|serial|heavy)\\s+returners|return\\s+a\\s+lot", (m, c) -> {
            c.chose("return_rate_365d", m.group());
            c.chose("orders_placed_365d", m.group());
            c.assume("'" + m.group().trim() + "' taken as a return rate of at least 40% over at least 3 orders "
                    + "in the last 365 days");
            return Nodes.and(List.of(Nodes.compare("return_rate_365d", ComparisonOp.GTE, 0.4),
                    Nodes.compare("orders_placed_365d", ComparisonOp.GTE, 3)));
        }));
        rules.add(Rule.of("unhappy", "unhappy|dissatisfied|unsatisfied", (m, c) -> {
            c.chose("avg_satisfaction_365d", m.group());
            c.assume("'" + m.group().trim() + "' taken as an average support rating of 2 or less (of 5) in the "
                    + "last 365 days");
            return Nodes.compare("avg_satisfaction_365d", ComparisonOp.LTE, 2);
        }));
        rules.add(Rule.of("premium buyers", "(?:premium|luxury|high\\s+end)\\s+(?:buyers|shoppers|customers)|"
                + "(?:mostly|mainly)\\s+buy\\s+premium(?:\\s+brands)?", (m, c) -> {
            c.chose("premium_line_share_365d", m.group());
            c.assume("'" + m.group().trim() + "' taken as at least half of the last year's order lines from "
                    + "premium brands");
            return Nodes.compare("premium_line_share_365d", ComparisonOp.GTE, 0.5);
        }));
        rules.add(Rule.of("slipping", "(?:whose\\s+)?(?:engagement\\s+is\\s+(?:slipping|declining|dropping)|"
                + "(?:declining|slipping|dropping|falling)\\s+engagement|signs\\s+of\\s+declining\\s+engagement|"
                + "less\\s+engaged)", (m, c) -> {
            c.chose("email_open_rate_change", m.group());
            c.chose("orders_trend_90d", m.group());
            c.assume("'" + m.group().trim() + "' taken as opening at least 15 points fewer emails than usual or "
                    + "ordering less than the quarter before");
            return Nodes.or(List.of(Nodes.compare("email_open_rate_change", ComparisonOp.LTE, -0.15),
                    Nodes.compare("orders_trend_90d", ComparisonOp.LT, 0)));
        }));
        rules.add(Rule.of("buying less", "(?:buying|ordering|shopping|purchasing)\\s+less(?:\\s+often)?(?:\\s+than"
                + "\\s+before)?|slowing\\s+down", (m, c) -> {
            c.chose("orders_trend_90d", m.group());
            c.assume("'" + m.group().trim() + "' taken as fewer orders in the last 90 days than in the 90 "
                    + "days before");
            return Nodes.compare("orders_trend_90d", ComparisonOp.LT, 0);
        }));
        rules.add(Rule.of("recent tickets", "recent\\s+(?:support\\s+)?(?:tickets|complaints)|recently\\s+"
                + "(?:contacted|called)\\s+(?:customer\\s+)?(?:support|service)", (m, c) -> {
            c.chose("event:support_ticket", m.group());
            c.assume("'" + m.group().trim() + "' taken as a support ticket in the last 90 days");
            return Nodes.event("support_ticket", List.of(), TimeWindow.lastDays(90));
        }));
        rules.add(Rule.of("used to buy a lot", "used\\s+to\\s+(?:buy|order|shop)\\s+(?:a\\s+lot|often|regularly)|"
                + "bought\\s+a\\s+lot\\s+in\\s+the\\s+past", (m, c) -> {
            c.chose("orders_count", m.group());
            c.assume("'" + m.group().trim() + "' taken as at least 5 completed orders in all (as in the catalog "
                    + "example)");
            return Nodes.compare("orders_count", ComparisonOp.GTE, 5);
        }));
        rules.add(Rule.of("multi category", "(?:multi|cross)\\s+category\\s+(?:shoppers|buyers|customers)?",
                (m, c) -> {
                    c.chose("category_count_365d", m.group());
                    c.assume("'" + m.group().trim() + "' taken as buying from at least 3 categories in the last "
                            + "365 days");
                    return Nodes.compare("category_count_365d", ComparisonOp.GTE, 3);
                }));
        return rules;
    }

    private static Condition top(java.util.regex.Matcher m, PlanContext c, String field, double q, String meaning) {
        Double threshold = c.percentiles.at(field, q);
        if (threshold == null) {
            return null;
        }
        c.chose(field, m.group());
        c.assume("'" + m.group().trim() + "' taken as " + meaning + ": " + field + " >= " + money(threshold) + " ("
                + Math.round(q * 100) + "th percentile)");
        Condition condition = Nodes.compare(field, ComparisonOp.GTE, BigDecimal.valueOf(threshold));
        return g(m, "neg") != null ? Nodes.not(condition) : condition;
    }

    private static String money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
