package dev.segmentagent.interpret;

import dev.segmentagent.interpret.PlanContext.Rule;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.PropertyFilter;
import dev.segmentagent.segment.TimeWindow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import static dev.segmentagent.interpret.Grammar.COMP;
import static dev.segmentagent.interpret.Grammar.NEG;
import static dev.segmentagent.interpret.Grammar.NUM;
import static dev.segmentagent.interpret.Grammar.WINDOW;
import static dev.segmentagent.interpret.PlanContext.g;

/**
 * Behaviour phrases -> event conditions: "bought shoes in the last 90 days", "have not purchased since march",
 * "bought shoes but not apparel", "added electronics to the cart at least 2 times this month", "opened an
 * email", "abandoned a checkout". Negation before the verb flips the event; a count phrase becomes a count
 * threshold; a window phrase right after becomes the window.
 */
final class EventPhrases {

    private static final String PRE = "(?:(?<neg>" + NEG + ")\\s+)?(?:(?:have|has|had|ever|yet|actually|also|ever)\\s+)*";
    private static final String COUNT = "(?:(?<cop>" + COMP + ")\\s+(?<cn>" + NUM + ")\\s+times|(?<cn2>" + NUM
            + ")\\s+or\\s+(?<cpost>more|fewer|less)\\s+times|(?<cn3>" + NUM + ")\\s+times)";
    private static final String TAIL = "(?:\\s+" + COUNT + ")?(?:\\s+(?<win>" + WINDOW + "))?(?:\\s+" + COUNT.replace(
            "<cop>", "<cop2>").replace("<cn>", "<cn4>").replace("<cn2>", "<cn5>").replace("<cpost>", "<cpost2>")
            .replace("<cn3>", "<cn6>") + ")?";
    private static final String CAMPAIGN = "(?:(?<camp>newsletter|promotion|promotional|promo|winback|"
            + "transactional)\\s+)?";

    private final Vocabulary vocabulary;

    EventPhrases(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    List<Rule> rules() {
        String cats = vocabulary.categoryListRegex();
        List<Rule> rules = new ArrayList<>();
        rules.add(Rule.of("abandoned checkout", PRE + "(?:abandoned|left)\\s+(?:a\\s+|the\\s+|their\\s+)?"
                + "(?:checkouts?|carts?|baskets?)" + TAIL, this::abandoned));
        rules.add(Rule.of("cart abandoners", "cart abandoners|checkout abandoners" + TAIL, this::abandoned));
        rules.add(Rule.of("bought category", PRE + "(?:bought|buy|buys|buying|purchased|purchase|ordered|order)\\s+"
                + "(?:any\\s+|some\\s+)?(?<cat>" + cats + ")(?:\\s+(?:products?|items?))?(?:\\s+(?:but|and)\\s+not\\s+"
                + "(?:any\\s+)?(?<butnot>" + cats + "))?" + TAIL, this::boughtCategory));
        rules.add(Rule.of("category buyers", "(?<cat>" + cats + ")\\s+(?:buyers|purchasers|shoppers)" + TAIL,
                this::boughtCategory));
        rules.add(Rule.of("purchase in channel", PRE + "(?:bought|purchased|ordered|shopped)\\s+(?:anything\\s+|"
                + "something\\s+)?(?<chan>in\\s+(?:the\\s+|a\\s+)?stores?|online|(?:in|on|via)\\s+the\\s+app|"
                + "on\\s+the\\s+(?:web|website))" + TAIL, this::purchaseInChannel));
        rules.add(Rule.of("returned", PRE + "(?:returned\\s+(?:an\\s+order|orders?|something|anything|items?|"
                + "a\\s+purchase|products?)|sent\\s+(?:something\\s+|anything\\s+|an\\s+order\\s+)?back|"
                + "made\\s+a\\s+return)" + TAIL, (m, c) -> simple("order_returned", m, c, List.of())));
        rules.add(Rule.of("purchase", PRE + "(?:bought|buy|buys|buying|purchased|purchase|ordered|order|shopped|"
                + "made\\s+a\\s+purchase|placed\\s+an\\s+order|completed\\s+an\\s+order|come\\s+back|came\\s+back|"
                + "bought\\s+again)(?:\\s+(?:anything|"
                + "something|again|from\\s+us))?" + TAIL, (m, c) -> simple("purchase", m, c, List.of())));
        rules.add(Rule.of("cart", PRE + "(?:added|add|put)\\s+(?:(?<cat>" + cats + ")\\s+)?(?:something\\s+|"
                + "anything\\s+|items?\\s+|products?\\s+)?(?:to|in|into)\\s+(?:the\\s+|their\\s+|a\\s+)?(?:cart|basket)"
                + TAIL, (m, c) -> simple("add_to_cart", m, c, categoryFilter(m))));
        rules.add(Rule.of("checkout", PRE + "(?:started|began|start|begin)\\s+(?:a\\s+|the\\s+)?checkouts?" + TAIL,
                (m, c) -> simple("checkout_start", m, c, List.of())));
        rules.add(Rule.of("product view", PRE + "(?:viewed|looked\\s+at|browsed|view|viewing|browsing)\\s+"
                + "(?<cat>" + cats + ")?(?:\\s*(?:products?|items?|product\\s+pages?))?" + TAIL,
                (m, c) -> g(m, "cat") == null && !m.group().matches(".*\\b(?:products?|items?|pages?)\\b.*") ? null
                        : simple("product_view", m, c, categoryFilter(m))));
        rules.add(Rule.of("visit", PRE + "(?:visited|visit|came\\s+to|come\\s+to|logged\\s+in|opened\\s+the\\s+app|"
                + "been\\s+on\\s+the\\s+(?:site|website|app))(?:\\s+(?:the\\s+)?(?:site|website|app|shop|us|store\\s+"
                + "online))?" + TAIL, (m, c) -> simple("session_start", m, c, List.of())));
        rules.add(Rule.of("search", PRE + "(?:searched|made\\s+a\\s+search|did\\s+a\\s+search)(?:\\s+for\\s+"
                + "something)?" + TAIL, (m, c) -> simple("search", m, c, List.of())));
        rules.add(Rule.of("email click", PRE + "clicked\\s+(?:on\\s+)?(?:a\\s+|an\\s+|any\\s+)?(?:link\\s+in\\s+"
                + "(?:an\\s+|a\\s+|any\\s+)?)?" + CAMPAIGN + "(?:emails?|newsletters?|mails?)" + TAIL,
                (m, c) -> simple("email_click", m, c, campaignFilter(m))));
        rules.add(Rule.of("email open", PRE + "(?:opened|open|read)\\s+(?:an\\s+|any\\s+|a\\s+|the\\s+|our\\s+)?"
                + CAMPAIGN + "(?<noun>emails?|newsletters?|mails?)" + TAIL,
                (m, c) -> simple("email_open", m, c, campaignFilter(m))));
        rules.add(Rule.of("email sent", PRE + "(?:(?:received|got|were\\s+sent|was\\s+sent|been\\s+sent)\\s+"
                + "(?:an\\s+|any\\s+|a\\s+)?" + CAMPAIGN + "(?:emails?|newsletters?)|(?:were|been)\\s+emailed)" + TAIL,
                (m, c) -> simple("email_sent", m, c, campaignFilter(m))));
        rules.add(Rule.of("sms click", PRE + "clicked\\s+(?:on\\s+)?(?:a\\s+|an\\s+|any\\s+)?(?:link\\s+in\\s+"
                + "(?:an\\s+|a\\s+|any\\s+)?)?(?:sms|texts?|text\\s+messages?)" + TAIL,
                (m, c) -> simple("sms_click", m, c, List.of())));
        rules.add(Rule.of("sms sent", PRE + "(?:(?:received|got|were\\s+sent|been\\s+sent)\\s+(?:an\\s+|any\\s+|"
                + "a\\s+)?(?:sms|texts?|text\\s+messages?)|(?:were|been)\\s+texted)" + TAIL,
                (m, c) -> simple("sms_sent", m, c, List.of())));
        rules.add(Rule.of("support", PRE + "(?:(?:contacted|called|reached\\s+out\\s+to)\\s+(?:customer\\s+)?"
                + "(?:support|service|customer\\s+service)|(?:opened|raised|filed|submitted)\\s+(?:a\\s+|any\\s+)?"
                + "(?:support\\s+)?(?:tickets?|complaints?)|complained)(?:\\s+about\\s+(?:a\\s+|an\\s+|the\\s+|"
                + "their\\s+)?(?<topic>delivery|deliveries|returns?|payments?|products?|accounts?))?" + TAIL,
                (m, c) -> simple("support_ticket", m, c, topicFilter(m))));
        return rules;
    }

    private Condition simple(String event, Matcher m, PlanContext c, List<PropertyFilter> where) {
        TimeWindow window = window(m, c);
        Condition.Event plain = Nodes.event(event, where, window);
        Condition condition = withCount(plain, m, c);
        c.chose("event:" + event, m.group());
        return negated(m) ? Nodes.not(condition) : condition;
    }

    private Condition boughtCategory(Matcher m, PlanContext c) {
        TimeWindow window = window(m, c);
        List<String> categories = vocabulary.categoriesIn(g(m, "cat"));
        Condition bought = withCount(Nodes.event("purchased_item", List.of(Nodes.filter("category", categories)),
                window), m, c);
        c.chose("event:purchased_item", m.group());
        Condition result = negated(m) ? Nodes.not(bought) : bought;
        String butNot = g(m, "butnot");
        if (butNot != null) {
            Condition other = Nodes.event("purchased_item", List.of(Nodes.filter("category",
                    vocabulary.categoriesIn(butNot))), window);
            return Nodes.and(List.of(result, Nodes.not(other)));
        }
        return result;
    }

    private Condition purchaseInChannel(Matcher m, PlanContext c) {
        String channel = g(m, "chan");
        List<String> values = channel.contains("store") ? List.of("store")
                : channel.contains("app") ? List.of("app") : channel.contains("web") ? List.of("web")
                : List.of("web", "app");
        return simple("purchase", m, c, List.of(Nodes.filter("channel", values)));
    }

    private Condition abandoned(Matcher m, PlanContext c) {
        TimeWindow window = window(m, c);
        if (window == null) {
            window = TimeWindow.lastDays(30);
            c.assume("'abandoned a checkout' with no time given taken as within the last 30 days");
        }
        c.chose("event:checkout_start", m.group());
        c.chose("event:purchase", m.group());
        c.assume("'abandoned' taken as started a checkout and placed no completed order in the same window");
        Condition abandoned = Nodes.and(List.of(Nodes.event("checkout_start", List.of(), window),
                Nodes.not(Nodes.event("purchase", List.of(), window))));
        return negated(m) ? Nodes.not(abandoned) : abandoned;
    }

    private static boolean negated(Matcher m) {
        return g(m, "neg") != null;
    }

    private static TimeWindow window(Matcher m, PlanContext c) {
        String phrase = g(m, "win");
        return phrase == null ? null : Grammar.window(phrase, c.asOf);
    }

    private static Condition withCount(Condition.Event event, Matcher m, PlanContext c) {
        for (String[] names : new String[][]{{"cop", "cn", "cn2", "cpost", "cn3"},
                {"cop2", "cn4", "cn5", "cpost2", "cn6"}}) {
            if (g(m, names[1]) != null) {
                return count(event, Grammar.op(g(m, names[0])), g(m, names[1]));
            }
            if (g(m, names[2]) != null) {
                return count(event, Grammar.postfix("or " + g(m, names[3])), g(m, names[2]));
            }
            if (g(m, names[4]) != null) {
                c.assume("'" + g(m, names[4]) + " times' taken as at least " + g(m, names[4]) + " times");
                return count(event, ComparisonOp.GTE, g(m, names[4]));
            }
        }
        return event;
    }

    private static Condition count(Condition.Event event, ComparisonOp op, String number) {
        return Nodes.eventCount(event.event(), event.where(), event.window(), op, Long.parseLong(number));
    }

    private List<PropertyFilter> categoryFilter(Matcher m) {
        String cat = g(m, "cat");
        return cat == null ? List.of() : List.of(Nodes.filter("category", vocabulary.categoriesIn(cat)));
    }

    private static List<PropertyFilter> campaignFilter(Matcher m) {
        String camp = g(m, "camp");
        if (camp == null && g(m, "noun") != null && g(m, "noun").startsWith("newsletter")) {
            camp = "newsletter";
        }
        if (camp == null) {
            return List.of();
        }
        String value = camp.startsWith("promo") ? "promotion" : camp;
        return List.of(Nodes.filter("campaign_type", List.of(value)));
    }

    private static List<PropertyFilter> topicFilter(Matcher m) {
        String topic = g(m, "topic");
        if (topic == null) {
            return List.of();
        }
        String value = topic.startsWith("deliver") ? "delivery" : topic.replaceAll("s$", "");
        return List.of(Nodes.filter("topic", List.of(value)));
    }
}
