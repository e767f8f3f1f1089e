package dev.segmentagent.interpret;

import dev.segmentagent.interpret.PlanContext.Rule;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.TimeWindow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static dev.segmentagent.interpret.Grammar.COMP;
import static dev.segmentagent.interpret.Grammar.MONEY;
import static dev.segmentagent.interpret.Grammar.NEG;
import static dev.segmentagent.interpret.Grammar.NUM;
import static dev.segmentagent.interpret.Grammar.WINDOW;
import static dev.segmentagent.interpret.PlanContext.g;

/**
 * Quantities compared with numbers: "more than 5 orders in the last 90 days", "lifetime revenue over 1000 EUR",
 * "open rate below 10%", "between 2 and 4 orders", "3 or more support tickets". Each noun names a catalog field
 * for all time (or its usual window) and, where the catalog has one, the event to count or sum over any other
 * window; a ratio field only exists for some windows, and asking for another is refused rather than bent.
 */
final class MeasurePhrases {

    enum Kind { COUNT, MONEY, RATIO, PLAIN, DAYS }

    /**
     * @param noun       regex of the words naming the quantity
     * @param field      the field used without a window (null: count/sum the event over all time)
     * @param byWindow   fields for specific windows (days -> field)
     * @param event      the event to count (sumMeasure null) or sum over a window; null when none
     * @param defaultNote assumption stated when no window is given and the field has a built-in window
     */
    record Measure(String noun, Kind kind, String field, Map<Integer, String> byWindow, String event,
                   String sumMeasure, String defaultNote) {}

    static final List<Measure> MEASURES = List.of(
            new Measure("gross merchandise value|gmv|gross sales|gross order value", Kind.MONEY,
                    "gross_merchandise_value", Map.of(), null, null, null),
            new Measure("lifetime aov|all time aov|lifetime average order value|all time average order value",
                    Kind.MONEY, "aov_lifetime", Map.of(), null, null, null),
            new Measure("average order value|aov|average basket value|basket value|average spend per order|"
                    + "average order", Kind.MONEY, "aov_365d", Map.of(365, "aov_365d"), null, null,
                    "average order value taken over the last 365 days (aov_365d)"),
            new Measure("average item price|average product price|average unit price|item price", Kind.MONEY,
                    "avg_item_price_365d", Map.of(365, "avg_item_price_365d"), null, null,
                    "average item price taken over the last 365 days"),
            new Measure("items per order|basket size|units per order", Kind.PLAIN, "avg_items_per_order_365d",
                    Map.of(365, "avg_items_per_order_365d"), null, null,
                    "items per order taken over the last 365 days"),
            new Measure("discounts? saved|money saved|total discounts?|saved|discount amount|in discounts",
                    Kind.MONEY, "discount_amount_total", Map.of(), "purchase", "discount", null),
            new Measure("lifetime value|lifetime revenue|lifetime spend|total spend|total revenue|ltv|clv|"
                    + "revenue|spent|spend|spending|spends|money spent|in purchases", Kind.MONEY, "revenue_total",
                    Map.of(), "purchase", "amount", null),
            new Measure("return rate|returns rate|share of orders returned", Kind.RATIO, "return_rate_365d",
                    Map.of(365, "return_rate_365d"), null, null, "return rate taken over the last 365 days"),
            new Measure("discount share|share of orders on discount|share of discounted orders|"
                    + "orders on discount share", Kind.RATIO, "discount_share_365d",
                    Map.of(365, "discount_share_365d"), null, null, "discount share taken over the last 365 days"),
            new Measure("average discount|discount depth", Kind.RATIO, "avg_discount_pct_365d",
                    Map.of(365, "avg_discount_pct_365d"), null, null, "average discount taken over the last 365 days"),
            new Measure("coupon usage rate|coupon usage|coupon rate", Kind.RATIO, "coupon_usage_rate_365d",
                    Map.of(365, "coupon_usage_rate_365d"), null, null, "coupon usage taken over the last 365 days"),
            new Measure("click to open rate|ctor", Kind.RATIO, "email_click_to_open_rate_90d",
                    Map.of(90, "email_click_to_open_rate_90d"), null, null,
                    "click-to-open rate taken over emails of the last 90 days"),
            new Measure("sms click rate|text click rate", Kind.RATIO, "sms_click_rate_90d",
                    Map.of(90, "sms_click_rate_90d"), null, null, "SMS click rate taken over the last 90 days"),
            new Measure("email open rate|open rate", Kind.RATIO, "email_open_rate_30d",
                    Map.of(30, "email_open_rate_30d", 90, "email_open_rate_90d"), null, null,
                    "open rate taken over emails of the last 30 days (email_open_rate_30d)"),
            new Measure("email click rate|click rate|click through rate|ctr", Kind.RATIO, "email_click_rate_30d",
                    Map.of(30, "email_click_rate_30d", 90, "email_click_rate_90d"), null, null,
                    "click rate taken over emails of the last 30 days (email_click_rate_30d)"),
            new Measure("premium share|share of premium(?: products| brands| items)?", Kind.RATIO,
                    "premium_line_share_365d", Map.of(365, "premium_line_share_365d"), null, null, null),
            new Measure("weekend order share|share of weekend orders|share of orders on weekends", Kind.RATIO,
                    "weekend_order_share_365d", Map.of(365, "weekend_order_share_365d"), null, null, null),
            new Measure("online orders?", Kind.COUNT, "online_orders_90d", Map.of(90, "online_orders_90d"), null,
                    null, "online orders counted over the last 90 days"),
            new Measure("cancelled orders?|cancellations?", Kind.COUNT, "cancelled_orders_365d",
                    Map.of(365, "cancelled_orders_365d"), null, null, "cancellations counted over the last 365 days"),
            new Measure("returned orders?|returns?", Kind.COUNT, null, Map.of(), "order_returned", null, null),
            new Measure("order lines|line items", Kind.COUNT, "order_lines_count", Map.of(365, "order_lines_365d"),
                    null, null, null),
            new Measure("items bought|items purchased|units bought|units purchased|items?|units?", Kind.COUNT,
                    "items_purchased_count", Map.of(), "purchased_item", "quantity", null),
            new Measure("unresolved tickets?|open tickets?|unresolved support tickets?", Kind.COUNT,
                    "unresolved_tickets", Map.of(), null, null, null),
            new Measure("support tickets?|tickets?|complaints?|support contacts?", Kind.COUNT, null, Map.of(),
                    "support_ticket", null, null),
            new Measure("satisfaction rating|satisfaction score|satisfaction|csat|rating", Kind.PLAIN,
                    "avg_satisfaction_365d", Map.of(365, "avg_satisfaction_365d"), null, null,
                    "satisfaction taken as the average rating of the last 365 days"),
            new Measure("different categories|product categories|categories|category", Kind.COUNT, "category_count_365d",
                    Map.of(365, "category_count_365d"), null, null, "categories counted over the last 365 days"),
            new Measure("different products|distinct products", Kind.COUNT, "distinct_products_365d",
                    Map.of(365, "distinct_products_365d"), null, null, "products counted over the last 365 days"),
            new Measure("email unsubscribes|unsubscribes", Kind.COUNT, "email_unsubscribes_total", Map.of(), null,
                    null, null),
            new Measure("product views?|product page views?", Kind.COUNT, null, Map.of(), "product_view", null, null),
            new Measure("page views?|pageviews?", Kind.COUNT, null, Map.of(), "page_view", null, null),
            new Measure("searches|search", Kind.COUNT, null, Map.of(), "search", null, null),
            new Measure("cart adds?|items added to (?:the )?cart|add to carts?", Kind.COUNT, null, Map.of(), "add_to_cart",
                    null, null),
            new Measure("checkouts?|checkout starts?", Kind.COUNT, null, Map.of(), "checkout_start", null, null),
            new Measure("sessions?|visits?", Kind.COUNT, null, Map.of(), "session_start", null, null),
            new Measure("emails? opened|email opens?|opens?", Kind.COUNT, null, Map.of(), "email_open", null, null),
            new Measure("email clicks?", Kind.COUNT, null, Map.of(), "email_click", null, null),
            new Measure("emails? sent|emails? received|emails?", Kind.COUNT, null, Map.of(), "email_sent", null, null),
            new Measure("orders?|purchases?|transactions?", Kind.COUNT, "orders_count", Map.of(), "purchase", null,
                    null));

    List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        String pre = "(?:(?<neg>" + NEG + ")\\s+)?(?:(?:with|having|has|have|made|placed|a|an|bought|purchased|ordered|from)"
                + "\\s+)*";
        String num = "(?:" + MONEY + "\\s*)?(?<n>" + NUM + ")(?:\\s*(?<pct>percent))?(?:\\s*" + MONEY + ")?(?!\\s+ago)";
        String trail = "(?:\\s+(?:in\\s+)?(?:discounts?|total|revenue|purchases))?";
        String win = "(?:\\s+(?<win>" + WINDOW + "))?";
        verbCounts(rules, pre, win);
        for (Measure measure : MEASURES) {
            String noun = "(?:" + measure.noun() + ")";
            String lead = "(?:(?:their|a|an|the|total|with|whose|who|have|has|of)\\s+)*";
            rules.add(Rule.of(measure.field() + "/between", pre + lead + noun + win
                    + "\\s+(?:of\\s+|is\\s+|are\\s+)?between\\s+(?:" + MONEY + "\\s*)?(?<lo>" + NUM + ")\\s*(?:"
                    + MONEY + "\\s*|percent\\s*)?(?:and|to)\\s+(?:" + MONEY + "\\s*)?(?<hi>" + NUM + ")(?:\\s*(?<pct>"
                    + "percent))?(?:\\s*" + MONEY + ")?" + win.replace("<win>", "<win2>"),
                    (m, c) -> between(measure, m, c)));
            rules.add(Rule.of(measure.field() + "/between-before", pre + "between\\s+(?<lo>" + NUM
                    + ")\\s+(?:and|to)\\s+(?<hi>" + NUM + ")(?:\\s*(?<pct>percent))?(?:\\s*" + MONEY + ")?\\s+(?:in\\s+)?"
                    + noun + win, (m, c) -> between(measure, m, c)));
            rules.add(Rule.of(measure.field() + "/comp-after", pre + lead + noun + win
                    + "\\s+(?:of\\s+|is\\s+|are\\s+|was\\s+|at\\s+)?(?:(?<neg2>" + NEG + ")\\s+)?(?<comp>" + COMP
                    + ")\\s+" + num + "(?:\\s+or\\s+(?<post>more|fewer|less))?" + trail + win.replace("<win>", "<win2>"),
                    (m, c) -> compare(measure, m, c)));
            rules.add(Rule.of(measure.field() + "/comp-before", pre + "(?<comp>" + COMP + ")\\s+" + num
                    + "\\s+(?:in\\s+|of\\s+|worth\\s+of\\s+)?" + noun + win, (m, c) -> compare(measure, m, c)));
            rules.add(Rule.of(measure.field() + "/postfix", pre + num + "\\s+or\\s+(?<post>more|fewer|less)\\s+"
                    + "(?:in\\s+)?" + noun + win, (m, c) -> compare(measure, m, c)));
            rules.add(Rule.of(measure.field() + "/postfix-after", pre + lead + noun + win
                    + "\\s+(?:of\\s+)?" + num + "\\s+or\\s+(?<post>more|fewer|less)" + win.replace("<win>", "<win2>"),
                    (m, c) -> compare(measure, m, c)));
            if (measure.kind() == Kind.COUNT) {
                rules.add(Rule.of(measure.field() + "/no", "(?:no|zero)\\s+" + noun + win,
                        (m, c) -> condition(measure, ComparisonOp.EQ, BigDecimal.ZERO, m, c)));
                rules.add(Rule.of(measure.field() + "/exact", "(?:with\\s+|placed\\s+|made\\s+|had\\s+)?(?<n>"
                        + NUM + ")\\s+" + noun + win, (m, c) -> {
                    c.assume("'" + m.group().trim() + "' taken as exactly " + g(m, "n"));
                    return condition(measure, ComparisonOp.EQ, new BigDecimal(g(m, "n")), m, c);
                }));
            }
        }
        return rules;
    }

    /** "opened at least 3 emails", "viewed more than 10 products": the verb says which event is counted. */
    private void verbCounts(List<Rule> rules, String pre, String win) {
        Map<String, String> verbs = new java.util.LinkedHashMap<>();
        verbs.put("(?:opened|read)\\s+(?<comp>" + COMP + ")\\s+(?<n>" + NUM + ")\\s+(?:emails?|newsletters?)", "email_open");
        verbs.put("clicked\\s+(?<comp>" + COMP + ")\\s+(?<n>" + NUM + ")\\s+emails?", "email_click");
        verbs.put("(?:viewed|looked\\s+at)\\s+(?<comp>" + COMP + ")\\s+(?<n>" + NUM + ")\\s+products?", "product_view");
        verbs.put("(?:received|got)\\s+(?<comp>" + COMP + ")\\s+(?<n>" + NUM + ")\\s+emails?", "email_sent");
        verbs.put("(?:opened|raised|filed)\\s+(?<comp>" + COMP + ")\\s+(?<n>" + NUM + ")\\s+(?:support\\s+)?tickets?",
                "support_ticket");
        verbs.forEach((regex, event) -> {
            Measure measure = new Measure(event, Kind.COUNT, null, Map.of(), event, null, null);
            rules.add(Rule.of(event + "/verb", pre + regex + win, (m, c) -> compare(measure, m, c)));
        });
    }

    private Condition compare(Measure measure, Matcher m, PlanContext c) {
        ComparisonOp op = g(m, "post") != null ? Grammar.postfix("or " + g(m, "post")) : Grammar.op(g(m, "comp"));
        if (g(m, "neg2") != null) {
            op = Grammar.negate(op);
        }
        Condition condition = condition(measure, op, value(measure, m, g(m, "n")), m, c);
        return g(m, "neg") != null ? Nodes.not(condition) : condition;
    }

    private Condition between(Measure measure, Matcher m, PlanContext c) {
        BigDecimal lo = value(measure, m, g(m, "lo"));
        BigDecimal hi = value(measure, m, g(m, "hi"));
        TimeWindow window = window(m, c);
        Condition condition;
        if (window != null && measure.event() != null && (window.lastDays() == null
                || !measure.byWindow().containsKey(window.lastDays()))) {
            condition = Nodes.and(List.of(condition(measure, ComparisonOp.GTE, lo, m, c),
                    condition(measure, ComparisonOp.LTE, hi, m, c)));
        } else {
            String field = field(measure, window, m, c);
            if (field == null) {
                condition = Nodes.and(List.of(condition(measure, ComparisonOp.GTE, lo, m, c),
                        condition(measure, ComparisonOp.LTE, hi, m, c)));
            } else {
                c.chose(field, m.group());
                condition = Nodes.between(field, lo, hi);
            }
        }
        return g(m, "neg") != null ? Nodes.not(condition) : condition;
    }

    /** The condition for "measure op value" with the window the phrase gave, if any. */
    private Condition condition(Measure measure, ComparisonOp op, BigDecimal value, Matcher m, PlanContext c) {
        TimeWindow window = window(m, c);
        String windowed = window == null || window.lastDays() == null ? null
                : measure.byWindow().get(window.lastDays());
        if (window != null && windowed == null && measure.event() != null) {
            c.chose("event:" + measure.event(), m.group());
            if (measure.sumMeasure() != null) {
                return Nodes.eventSum(measure.event(), measure.sumMeasure(), window, op, value.doubleValue());
            }
            return countCondition(measure.event(), window, op, value);
        }
        String field = field(measure, window, m, c);
        if (field == null) {
            c.chose("event:" + measure.event(), m.group());
            return countCondition(measure.event(), null, op, value);
        }
        c.chose(field, m.group());
        return Nodes.compare(field, op, value);
    }

    /** "fewer than 3 orders" must keep customers with none: a count below N is "not at least N". */
    private static Condition countCondition(String event, TimeWindow window, ComparisonOp op, BigDecimal value) {
        long n = value.setScale(0, RoundingMode.CEILING).longValueExact();
        return switch (op) {
            case LT -> Nodes.not(Nodes.eventCount(event, List.of(), window, ComparisonOp.GTE, n));
            case LTE -> Nodes.not(Nodes.eventCount(event, List.of(), window, ComparisonOp.GT, n));
            case EQ -> n == 0 ? Nodes.not(Nodes.event(event, List.of(), window))
                    : Nodes.eventCount(event, List.of(), window, op, n);
            default -> Nodes.eventCount(event, List.of(), window, op, n);
        };
    }

    private static String field(Measure measure, TimeWindow window, Matcher m, PlanContext c) {
        if (window == null) {
            if (measure.defaultNote() != null) {
                c.assume(measure.defaultNote());
            }
            return measure.field();
        }
        String windowed = window.lastDays() == null ? null : measure.byWindow().get(window.lastDays());
        if (windowed == null) {
            String noun = measure.noun().split("\\|")[0];
            List<String> options = measure.byWindow().keySet().stream().sorted()
                    .map(d -> "customers by " + noun + " over the last " + d + " days").toList();
            throw new PlanningStop(new Interpretation.Declined("The catalog has no '" + noun + "' over "
                    + Grammar.describe(window) + "; it has it " + (options.isEmpty() ? "for all time only"
                    : "for " + measure.byWindow().keySet().stream().sorted().map(d -> "the last " + d + " days")
                    .toList()) + ". Ask again with one of those windows.", options));
        }
        return windowed;
    }

    private static TimeWindow window(Matcher m, PlanContext c) {
        String phrase = g(m, "win") != null ? g(m, "win") : g(m, "win2");
        return phrase == null ? null : Grammar.window(phrase, c.asOf);
    }

    private static BigDecimal value(Measure measure, Matcher m, String digits) {
        BigDecimal value = new BigDecimal(digits);
        if (measure.kind() == Kind.RATIO && (g(m, "pct") != null || value.compareTo(BigDecimal.ONE) > 0)) {
            value = value.movePointLeft(2);
        }
        return value;
    }
}
