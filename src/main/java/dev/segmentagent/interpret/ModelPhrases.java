package dev.segmentagent.interpret;

import dev.segmentagent.catalog.FieldProfile;
import dev.segmentagent.interpret.PlanContext.Rule;
import dev.segmentagent.segment.ComparisonOp;
import dev.segmentagent.segment.Condition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import static dev.segmentagent.interpret.Grammar.COMP;
import static dev.segmentagent.interpret.Grammar.NEG;
import static dev.segmentagent.interpret.Grammar.NUM;
import static dev.segmentagent.interpret.PlanContext.g;

/**
 * Named models: "likely to churn" / "high churn risk" / "churn risk above 0.7" (churn), "likely to buy"
 * (purchase_propensity), RFM tiers ("champions", "at risk", "hibernating"), and behaviour clusters by the names
 * the trained model gave them.
 */
final class ModelPhrases {

    /** "likely" with no number: more likely than not. */
    static final double LIKELY = 0.5;

    private final Map<String, FieldProfile> profiles;

    ModelPhrases(Map<String, FieldProfile> profiles) {
        this.profiles = profiles;
    }

    List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        String pre = "(?:(?<neg>" + NEG + ")\\s+)?(?:(?:are|is|be|who|being)\\s+)*";
        scoreRules(rules, "churn", "churn\\s+risk|churn\\s+probability|churn\\s+score|risk\\s+of\\s+churn(?:ing)?",
                pre + "(?:(?<un>un)?likely|probably\\s+going|expected|predicted|about)\\s+to\\s+(?:churn|leave|lapse|"
                        + "stop\\s+buying)|(?:at\\s+)?(?:high\\s+)?risk\\s+of\\s+(?:churning|churn|leaving)|"
                        + "churn\\s+risks?|churners|likely\\s+churners");
        scoreRules(rules, "purchase_propensity", "purchase\\s+propensity|propensity(?:\\s+to\\s+buy)?|"
                        + "purchase\\s+probability|probability\\s+to\\s+buy",
                pre + "(?:(?<un>un)?likely|probably\\s+going|expected|predicted)\\s+to\\s+(?:buy|purchase|order|"
                        + "convert)(?:\\s+(?:soon|again|in\\s+the\\s+next\\s+30\\s+days))?|ready\\s+to\\s+buy|"
                        + "hot\\s+leads|high\\s+buying\\s+intent");
        rules.add(Rule.of("rfm score", "rfm\\s+score\\s+(?:of\\s+|is\\s+)?(?<comp>" + COMP + ")\\s+(?<n>" + NUM + ")",
                (m, c) -> {
                    c.chose("model:rfm", m.group());
                    return new Condition.Score("rfm", Grammar.op(g(m, "comp")), Double.parseDouble(g(m, "n")), null);
                }));
        Map<String, String> tiers = Map.of(
                "champions?", "champions", "potential\\s+loyalists?", "potential_loyalist",
                "(?:at\\s+risk)(?!\\s+of)(?:\\s+(?:customers|segment|tier))?", "at_risk",
                "(?:cannot|can\\s+not|cant)\\s+lose(?:\\s+them)?", "cant_lose", "hibernating", "hibernating",
                "lost\\s+customers|lost\\s+(?:rfm\\s+)?(?:segment|tier)", "lost",
                "loyal\\s+customers|loyalists|loyal\\s+(?:rfm\\s+)?(?:segment|tier)", "loyal",
                "new\\s+(?:rfm\\s+)(?:segment|tier|customers)", "new");
        tiers.forEach((regex, tier) -> rules.add(Rule.of("rfm " + tier, "(?:(?<neg>" + NEG + ")\\s+)?(?:in\\s+"
                + "(?:the\\s+)?)?(?:rfm\\s+)?(?:" + regex + ")(?:\\s+(?:from|in|of|according\\s+to|by)\\s+(?:the\\s+)?rfm(?:\\s+(?:model|"
                + "segment|segments|tiers?))?)?", (m, c) -> {
            c.chose("model:rfm", m.group());
            c.assume("'" + m.group().trim() + "' taken as the RFM model's tier " + tier);
            Condition score = new Condition.Score("rfm", null, null, tier);
            return g(m, "neg") != null ? Nodes.not(score) : score;
        })));
        for (String cluster : clusterNames()) {
            String words = cluster.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("[^a-z0-9 ]", " ").trim();
            rules.add(Rule.of("cluster " + cluster, "(?:(?<neg>" + NEG + ")\\s+)?(?:in\\s+)?(?:the\\s+)?"
                    + java.util.regex.Pattern.quote(words) + "(?:\\s+(?:behaviou?r\\s+)?(?:cluster|persona|group|"
                    + "shoppers))?", (m, c) -> {
                c.chose("model:behaviour", m.group());
                Condition member = new Condition.Cluster("behaviour", cluster);
                return g(m, "neg") != null ? Nodes.not(member) : member;
            }));
        }
        return rules;
    }

    /** Cluster names as the trained model wrote them (empty until the clustering model has been trained). */
    List<String> clusterNames() {
        FieldProfile profile = profiles.get("behaviour_cluster");
        return profile == null ? List.of()
                : profile.topValues().stream().map(FieldProfile.ValueCount::value).filter(v -> v != null).toList();
    }

    private void scoreRules(List<Rule> rules, String model, String scoreNoun, String likely) {
        rules.add(Rule.of(model + " threshold", "(?:" + scoreNoun + ")\\s+(?:of\\s+|is\\s+)?(?<comp>" + COMP + ")\\s+"
                + "(?<n>" + NUM + ")(?:\\s*(?<pct>percent))?", (m, c) -> {
            c.chose("model:" + model, m.group());
            BigDecimal value = new BigDecimal(g(m, "n"));
            if (g(m, "pct") != null || value.compareTo(BigDecimal.ONE) > 0) {
                value = value.movePointLeft(2);
            }
            return new Condition.Score(model, Grammar.op(g(m, "comp")), value.doubleValue(), null);
        }));
        rules.add(Rule.of(model + " tier", "(?:(?<neg>" + NEG + ")\\s+)?(?:a\\s+|with\\s+(?:a\\s+)?)?(?<t>high|medium|"
                + "low)\\s+(?:" + scoreNoun + "|" + (model.equals("churn") ? "churn" : "buying\\s+intent|purchase\\s+"
                + "intent") + ")(?:\\s+(?:tier|band))?|(?:" + scoreNoun + ")\\s+(?:tier|band)\\s+(?:is\\s+)?(?<t2>"
                + "high|medium|low)", (m, c) -> {
            c.chose("model:" + model, m.group());
            String tier = g(m, "t") != null ? g(m, "t") : g(m, "t2");
            Condition score = new Condition.Score(model, null, null, tier);
            return g(m, "neg") != null ? Nodes.not(score) : score;
        }));
        rules.add(Rule.of(model + " likely", likely, (m, c) -> likely(model, m, c)));
    }

    private static Condition likely(String model, Matcher m, PlanContext c) {
        c.chose("model:" + model, m.group());
        c.assume("'" + m.group().trim() + "' taken as the " + model + " model's probability >= " + LIKELY
                + " (more likely than not)");
        Condition score = new Condition.Score(model, ComparisonOp.GTE, LIKELY, null);
        boolean negated = g(m, "neg") != null ^ g(m, "un") != null;
        return negated ? Nodes.not(score) : score;
    }
}
