package dev.segmentagent.interpret;

import dev.segmentagent.interpret.PlanContext.Rule;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;
import dev.segmentagent.segment.Literal;
import dev.segmentagent.segment.TimeWindow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static dev.segmentagent.interpret.Grammar.COMP;
import static dev.segmentagent.interpret.Grammar.NEG;
import static dev.segmentagent.interpret.Grammar.NUM;
import static dev.segmentagent.interpret.Grammar.WINDOW;
import static dev.segmentagent.interpret.PlanContext.g;

/**
 * Customer attributes: recency ("last order more than 60 days ago"), signup ("signed up in the last 30 days"),
 * age ("aged 25 to 34"), consent ("can be emailed"), and enum values (country, gender, loyalty tier, platform,
 * buying channel, signup channel, acquisition source, favourite category).
 */
final class AttributePhrases {

    static final Map<String, String> COUNTRIES = new LinkedHashMap<>();

    static {
        COUNTRIES.put("germany", "DE");
        COUNTRIES.put("german", "DE");
        COUNTRIES.put("france", "FR");
        COUNTRIES.put("french", "FR");
        COUNTRIES.put("united kingdom", "GB");
        COUNTRIES.put("great britain", "GB");
        COUNTRIES.put("britain", "GB");
        COUNTRIES.put("uk", "GB");
        COUNTRIES.put("italy", "IT");
        COUNTRIES.put("italian", "IT");
        COUNTRIES.put("spain", "ES");
        COUNTRIES.put("spanish", "ES");
        COUNTRIES.put("netherlands", "NL");
        COUNTRIES.put("the netherlands", "NL");
        COUNTRIES.put("holland", "NL");
        COUNTRIES.put("dutch", "NL");
        COUNTRIES.put("austria", "AT");
        COUNTRIES.put("austrian", "AT");
        COUNTRIES.put("poland", "PL");
        COUNTRIES.put("polish", "PL");
        COUNTRIES.put("sweden", "SE");
        COUNTRIES.put("swedish", "SE");
        COUNTRIES.put("belgium", "BE");
        COUNTRIES.put("belgian", "BE");
        COUNTRIES.put("switzerland", "CH");
        COUNTRIES.put("denmark", "DK");
        COUNTRIES.put("usa", "US");
        COUNTRIES.put("united states", "US");
    }

    private final Vocabulary vocabulary;

    AttributePhrases(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        String unit = "(?<u>days?|weeks?|months?|years?)";
        // recency: "last order more than 60 days ago", "last purchase over 3 months ago"
        Map<String, String> recency = new LinkedHashMap<>();
        recency.put("days_since_last_order", "(?:last|latest|most\\s+recent)\\s+(?:order|purchase|ordered|"
                + "purchased|bought)");
        recency.put("days_since_last_visit", "(?:last|latest)\\s+(?:visit|visited|seen|active|session)");
        recency.put("days_since_last_email_open", "(?:last|latest)\\s+(?:opened\\s+an\\s+email|email\\s+open|open)");
        recency.put("days_since_last_ticket", "(?:last|latest)\\s+(?:support\\s+)?(?:ticket|complaint)");
        recency.put("days_since_first_order", "(?:first)\\s+(?:order|purchase|ordered|purchased|bought)");
        recency.forEach((field, phrase) -> rules.add(Rule.of(field, "(?:whose\\s+|with\\s+|their\\s+)?" + phrase
                + "\\s+(?:was\\s+|is\\s+|placed\\s+)?(?<comp>" + COMP + ")\\s+(?<n>" + NUM + ")\\s+" + unit
                + "\\s+ago", (m, c) -> {
            c.chose(field, m.group());
            return Nodes.compare(field, Grammar.op(g(m, "comp")), Grammar.days(Integer.parseInt(g(m, "n")), g(m, "u")));
        })));
        rules.add(Rule.of("never online", "never\\s+(?:been\\s+)?(?:seen|active)\\s+online|no\\s+online\\s+activity",
                (m, c) -> {
                    c.chose("days_since_last_visit", m.group());
                    return new Condition.IsNull("days_since_last_visit");
                }));
        // tenure
        rules.add(Rule.of("signup window", "(?:who\\s+)?(?:signed\\s+up|joined|registered|sign\\s+ups?|signups?)"
                + "\\s+(?<win>" + WINDOW + ")", (m, c) -> {
            TimeWindow w = Grammar.window(g(m, "win"), c.asOf);
            if (w.lastDays() != null) {
                c.chose("days_since_signup", m.group());
                return Nodes.compare("days_since_signup", ComparisonOp.LT, w.lastDays());
            }
            c.chose("signup_at", m.group());
            return new Condition.Compare("signup_at", ComparisonOp.GTE, Literal.of(w.from() + "T00:00:00Z"));
        }));
        rules.add(Rule.of("signup ago", "(?:signed\\s+up|joined|registered)\\s+(?<comp>" + COMP + ")\\s+(?<n>"
                + NUM + ")\\s+" + unit + "\\s+ago", (m, c) -> {
            c.chose("days_since_signup", m.group());
            return Nodes.compare("days_since_signup", Grammar.op(g(m, "comp")),
                    Grammar.days(Integer.parseInt(g(m, "n")), g(m, "u")));
        }));
        rules.add(Rule.of("tenure", "(?:customers|members|registered|with\\s+us)\\s+for\\s+(?<comp>" + COMP
                + ")\\s+(?<n>" + NUM + ")\\s+" + unit, (m, c) -> {
            c.chose("days_since_signup", m.group());
            return Nodes.compare("days_since_signup", Grammar.op(g(m, "comp")),
                    Grammar.days(Integer.parseInt(g(m, "n")), g(m, "u")));
        }));
        // age
        rules.add(Rule.of("age between", "(?:aged|age|ages|between\\s+the\\s+ages\\s+of)\\s+(?:between\\s+)?(?<lo>"
                + "\\d+)\\s+(?:and|to)\\s+(?<hi>\\d+)(?:\\s+years\\s+old)?|between\\s+(?<lo2>\\d+)\\s+and\\s+(?<hi2>"
                + "\\d+)\\s+years\\s+old|(?<lo3>\\d+)\\s+to\\s+(?<hi3>\\d+)\\s+years\\s+old", (m, c) -> {
            c.chose("age", m.group());
            String lo = g(m, "lo") != null ? g(m, "lo") : g(m, "lo2") != null ? g(m, "lo2") : g(m, "lo3");
            String hi = g(m, "hi") != null ? g(m, "hi") : g(m, "hi2") != null ? g(m, "hi2") : g(m, "hi3");
            return Nodes.between("age", new BigDecimal(lo), new BigDecimal(hi));
        }));
        rules.add(Rule.of("age compare", "(?:aged\\s+|age\\s+)(?<comp>" + COMP + ")\\s+(?<n>\\d+)(?:\\s+years"
                + "(?:\\s+old)?)?|(?<comp2>" + COMP + ")\\s+(?:the\\s+age\\s+of\\s+)?(?<n2>\\d+)\\s+(?:years\\s+old|"
                + "years\\s+of\\s+age)|(?<older>older|younger)\\s+than\\s+(?<n3>\\d+)(?:\\s+years(?:\\s+old)?)?",
                (m, c) -> {
                    c.chose("age", m.group());
                    if (g(m, "older") != null) {
                        return Nodes.compare("age", g(m, "older").equals("older") ? ComparisonOp.GT
                                : ComparisonOp.LT, new BigDecimal(g(m, "n3")));
                    }
                    String comp = g(m, "comp") != null ? g(m, "comp") : g(m, "comp2");
                    String n = g(m, "n") != null ? g(m, "n") : g(m, "n2");
                    return Nodes.compare("age", Grammar.op(comp), new BigDecimal(n));
                }));
        rules.add(Rule.of("age decade", "in\\s+their\\s+(?<d>20|30|40|50|60|70)s|(?<w>twenties|thirties|forties|"
                + "fifties|sixties)", (m, c) -> {
            c.chose("age", m.group());
            int d = g(m, "d") != null ? Integer.parseInt(g(m, "d")) : switch (g(m, "w")) {
                case "twenties" -> 20;
                case "thirties" -> 30;
                case "forties" -> 40;
                case "fifties" -> 50;
                default -> 60;
            };
            return Nodes.between("age", BigDecimal.valueOf(d), BigDecimal.valueOf(d + 9));
        }));
        // consent
        String pre = "(?:(?<neg>" + NEG + ")\\s+)?(?:(?:be|we\\s+can|we\\s+may|can|may|allowed\\s+to|who)\\s+)*";
        consent(rules, "email_consent", pre + "(?:emailed|emailable|email\\s+consent|email\\s+marketing\\s+consent|"
                + "consent(?:ed)?\\s+to\\s+(?:marketing\\s+)?emails?|opted\\s+in\\s+(?:to|for)\\s+(?:marketing\\s+)?"
                + "emails?|email\\s+opt\\s+in|subscribed\\s+to\\s+(?:the\\s+|our\\s+)?newsletter|email\\s+permission|"
                + "marketing\\s+consent|email\\s+them|mail\\s+them)");
        consent(rules, "sms_consent", pre + "(?:texted|textable|sms\\s+consent|consent(?:ed)?\\s+to\\s+sms|"
                + "opted\\s+in\\s+(?:to|for)\\s+(?:sms|texts)|sms\\s+opt\\s+in|sms\\s+permission|text\\s+them)");
        consent(rules, "push_consent", pre + "(?:push\\s+consent|push\\s+notifications\\s+(?:on|enabled|allowed)|"
                + "opted\\s+in\\s+(?:to|for)\\s+push(?:\\s+notifications)?|push\\s+opt\\s+in|push\\s+permission)");
        // enums
        String pneg = "(?:(?<neg>" + NEG + "|outside(?:\\s+of)?)\\s+)?";
        String country = Vocabulary.alternation(new ArrayList<>(COUNTRIES.keySet()));
        rules.add(Rule.of("country", pneg + "(?:(?:living|based|located)\\s+)?(?:in|from)?\\s*(?<c>(?:" + country
                + ")(?:\\s*(?:,|or|and)?\\s+(?:" + country + "))*)(?:\\s+(?:customers|shoppers|people))?",
                (m, c) -> enumValues("country", m, c, Vocabulary.valuesIn(g(m, "c"), COUNTRIES))));
        rules.add(Rule.of("gender", pneg + "(?<g>women|woman|female|females|ladies|men|man|male|males)",
                (m, c) -> enumValues("gender", m, c, List.of(g(m, "g").startsWith("f") || g(m, "g").startsWith("w")
                        || g(m, "g").startsWith("l") ? "female" : "male"))));
        rules.add(Rule.of("loyalty none", "(?:not|never)\\s+(?:in|joined|part\\s+of|a\\s+member\\s+of)\\s+(?:the\\s+|"
                + "our\\s+)?loyalty\\s+(?:programme|program|scheme|club)|non\\s+loyalty\\s+members|without\\s+a\\s+"
                + "loyalty\\s+tier", (m, c) -> enumValues("loyalty_tier", m, c, List.of("none"))));
        rules.add(Rule.of("loyalty any", "(?:in\\s+the\\s+|joined\\s+the\\s+)?loyalty\\s+(?:programme|program|"
                + "scheme|club)\\s+members|(?:in|joined)\\s+the\\s+loyalty\\s+(?:programme|program|scheme|club)",
                (m, c) -> enumValues("loyalty_tier", m, c, List.of("silver", "gold", "platinum"))));
        rules.add(Rule.of("loyalty tier", pneg + "(?:in\\s+the\\s+)?(?<t>(?:silver|gold|platinum)(?:\\s*(?:,|or|and)"
                + "\\s+(?:silver|gold|platinum))*)(?:\\s+(?:loyalty\\s+)?(?:tier|members?|status|level|customers))?",
                (m, c) -> enumValues("loyalty_tier", m, c, list(g(m, "t"), "silver", "gold", "platinum"))));
        rules.add(Rule.of("platform", pneg + "(?:(?<p>ios|iphone|android|mobile\\s+app|app|web|desktop)\\s+users|"
                + "(?:mostly\\s+|mainly\\s+)?(?:browse|browses|use|uses)\\s+(?:on\\s+)?(?:the\\s+)?(?<p2>ios|iphone|"
                + "android|app|web|website|desktop)|on\\s+(?<p3>ios|android))",
                (m, c) -> {
                    String p = g(m, "p") != null ? g(m, "p") : g(m, "p2") != null ? g(m, "p2") : g(m, "p3");
                    List<String> values = p.equals("ios") || p.equals("iphone") ? List.of("ios")
                            : p.equals("android") ? List.of("android")
                            : p.contains("app") ? List.of("ios", "android") : List.of("web");
                    return enumValues("preferred_platform", m, c, values);
                }));
        rules.add(Rule.of("order channel", pneg + "(?:(?:mostly|mainly|usually|prefer\\s+to)\\s+)?(?:shop|shops|buy|"
                + "buys|order|orders)\\s+(?:mostly\\s+|mainly\\s+|usually\\s+)?(?<ch>in\\s+(?:the\\s+)?stores?|"
                + "online|in\\s+the\\s+app|on\\s+the\\s+web(?:site)?)|(?<ch2>in\\s+store|store|offline|online)\\s+"
                + "shoppers", (m, c) -> {
            String ch = g(m, "ch") != null ? g(m, "ch") : g(m, "ch2");
            List<String> values = ch.contains("store") || ch.contains("offline") ? List.of("store")
                    : ch.contains("app") ? List.of("app") : ch.contains("web") ? List.of("web") : List.of("web", "app");
            return enumValues("preferred_order_channel", m, c, values);
        }));
        rules.add(Rule.of("signup channel", "(?:signed\\s+up|registered|joined)\\s+(?:via|through|in|on|at|by)\\s+"
                + "(?:the\\s+|a\\s+)?(?<s>web|website|app|mobile\\s+app|store|referral)(?:\\s+link)?", (m, c) -> {
            String s = g(m, "s");
            String value = s.startsWith("web") ? "web" : s.contains("app") ? "app" : s;
            return enumValues("signup_channel", m, c, List.of(value));
        }));
        rules.add(Rule.of("acquisition", "(?:came|come|acquired|arrived)\\s+(?:from|via|through)\\s+(?<a>paid\\s+"
                + "search|paid\\s+social|affiliates?|organic(?:\\s+search)?|referrals?|email)|(?:acquired|"
                + "acquisition)\\s+(?:source\\s+)?(?:is\\s+)?(?<a2>paid\\s+search|paid\\s+social|affiliates?|organic|"
                + "referrals?|email)|(?<a3>paid\\s+search|paid\\s+social|affiliate)\\s+(?:customers|signups|users)",
                (m, c) -> {
                    String a = g(m, "a") != null ? g(m, "a") : g(m, "a2") != null ? g(m, "a2") : g(m, "a3");
                    String value = a.replace(' ', '_').replaceAll("s$", "").replace("_search", a.startsWith("paid")
                            ? "_search" : "");
                    return enumValues("acquisition_source", m, c, List.of(value));
                }));
        String cats = vocabulary.categoryListRegex();
        rules.add(Rule.of("top category", "(?:whose\\s+)?(?:favourite|favorite|top|main|preferred)\\s+category\\s+"
                + "(?:is\\s+)?(?<cat>" + cats + ")|(?:mostly|mainly)\\s+(?:buy|buys|bought|purchase)\\s+(?<cat2>"
                + cats + ")", (m, c) -> enumValues("top_category_365d", m, c,
                vocabulary.categoriesIn(g(m, "cat") != null ? g(m, "cat") : g(m, "cat2")))));
        rules.add(Rule.of("viewed category", "(?:mostly|mainly)\\s+(?:browse|browses|view|views|look\\s+at)\\s+"
                + "(?<cat>" + cats + ")", (m, c) -> enumValues("most_viewed_category_90d", m, c,
                vocabulary.categoriesIn(g(m, "cat")))));
        rules.add(Rule.of("unsubscribed", "(?:unsubscribed|opted\\s+out)(?:\\s+(?:from|of)\\s+(?:marketing\\s+)?"
                + "emails?)?", (m, c) -> {
            c.chose("email_unsubscribes_total", m.group());
            return Nodes.compare("email_unsubscribes_total", ComparisonOp.GTE, 1);
        }));
        return rules;
    }

    private static void consent(List<Rule> rules, String field, String regex) {
        rules.add(Rule.of(field, regex, (m, c) -> {
            c.chose(field, m.group());
            Condition yes = Nodes.isTrue(field);
            return g(m, "neg") != null ? Nodes.not(yes) : yes;
        }));
    }

    private static Condition enumValues(String field, Matcher m, PlanContext c, List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        c.chose(field, m.group());
        Condition condition = Nodes.in(field, values);
        return g(m, "neg") != null ? Nodes.not(condition) : condition;
    }

    private static List<String> words(String phrase, Map<String, String> map) {
        List<String> values = new ArrayList<>();
        for (String word : phrase.split("\\s*(?:,|\\bor\\b|\\band\\b)\\s*")) {
            String value = map.get(word.trim());
            if (value != null && !values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    private static List<String> list(String phrase, String... allowed) {
        List<String> values = new ArrayList<>();
        for (String a : allowed) {
            if (phrase.contains(a)) {
                values.add(a);
            }
        }
        return values;
    }
}
