package dev.segmentagent.segment;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.Derivation;
import dev.segmentagent.catalog.FieldSpec;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Score and cluster conditions in words. A model reads by the label of the catalog field that exposes its
 * output (churn's score is the field churn_risk, "churn risk"; its tier is churn_risk_tier, "churn-risk
 * tier"), so a model needs no wording of its own and the two ways of asking read the same.
 */
final class ModelPhrases {

    private final Catalog catalog;

    ModelPhrases(Catalog catalog) {
        this.catalog = catalog;
    }

    String score(Condition.Score s, boolean negated) {
        Optional<FieldSpec> scoreField = output(s.model(), Derivation.ModelOutputKind.SCORE);
        if (s.tier() != null) {
            Optional<FieldSpec> tierField = output(s.model(), Derivation.ModelOutputKind.TIER);
            String tier = tierField.map(f -> f.valueLabel(s.tier())).orElse(s.tier().replace('_', ' '));
            String noun = tierField.map(FieldSpec::label).orElse(words(s.model()) + " tier");
            return "who are " + (negated ? "not " : "") + "in the " + tier + " " + noun;
        }
        String label = scoreField.map(FieldSpec::label).orElse(words(s.model()) + " score");
        // without a field declaring the unit a model score is a probability (churn, propensity)
        String unit = scoreField.map(FieldSpec::unit).orElse("probability");
        ComparisonOp op = negated ? Quantities.inverse(s.op()) : s.op();
        String value = s.value() == null ? "?" : Quantities.amount(BigDecimal.valueOf(s.value()), unit);
        return "whose " + label + " is " + Quantities.compared(op) + value;
    }

    String cluster(Condition.Cluster c, boolean negated) {
        String noun = output(c.model(), Derivation.ModelOutputKind.CLUSTER_NAME).map(FieldSpec::label)
                .orElse(words(c.model()) + " cluster");
        return "who are " + (negated ? "not " : "") + "in the '" + c.cluster() + "' " + noun;
    }

    private Optional<FieldSpec> output(String model, Derivation.ModelOutputKind kind) {
        return catalog.fields().stream()
                .filter(f -> f.derivation() instanceof Derivation.ModelOutput m && m.model().equals(model) && m.output() == kind)
                .filter(f -> !f.deprecated())
                .findFirst();
    }

    private static String words(String name) {
        return name.replace('_', ' ');
    }
}
