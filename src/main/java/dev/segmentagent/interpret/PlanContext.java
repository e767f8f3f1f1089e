package dev.segmentagent.interpret;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.interpret.Interpretation.FieldChoice;
import dev.segmentagent.segment.Condition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One planning run: the request text, what was understood where (conditions with their spans), the fields
 * chosen and the assumptions made. Matchers add to it through {@link #apply}.
 */
final class PlanContext {

    /** A condition and the span of the request it stands for. */
    record Placed(int start, int end, Condition condition) {}

    /** A phrase pattern and what it means; the function returns null when the match is not meant after all. */
    record Rule(String name, Pattern pattern, BiFunction<Matcher, PlanContext, Condition> meaning) {
        static Rule of(String name, String regex, BiFunction<Matcher, PlanContext, Condition> meaning) {
            return new Rule(name, Pattern.compile("\\b(?:" + regex + ")\\b"), meaning);
        }
    }

    final PlannerText text;
    final Catalog catalog;
    final Instant asOf;
    final Percentiles percentiles;
    private final List<Placed> placed = new ArrayList<>();
    private final List<FieldChoice> fields = new ArrayList<>();
    private final List<String> assumptions = new ArrayList<>();

    PlanContext(PlannerText text, Catalog catalog, Instant asOf, Percentiles percentiles) {
        this.text = text;
        this.catalog = catalog;
        this.asOf = asOf;
        this.percentiles = percentiles;
    }

    void apply(List<Rule> rules) {
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(text.current());
            while (m.find()) {
                if (!text.free(m.start(), m.end())) {
                    continue;
                }
                Condition condition = rule.meaning().apply(m, this);
                if (condition != null) {
                    placed.add(new Placed(m.start(), m.end(), condition));
                    text.consume(m.start(), m.end());
                }
            }
        }
    }

    /** Records a catalog field (or event/model, prefixed) as chosen because of a phrase. */
    void chose(String field, String phrase) {
        if (fields.stream().noneMatch(f -> f.field().equals(field))) {
            fields.add(new FieldChoice(field, "'" + phrase.trim() + "'"));
        }
    }

    void assume(String assumption) {
        if (!assumptions.contains(assumption)) {
            assumptions.add(assumption);
        }
    }

    List<Placed> placed() {
        return placed.stream().sorted(Comparator.comparingInt(Placed::start)).toList();
    }

    List<FieldChoice> fields() {
        return List.copyOf(fields);
    }

    List<String> assumptions() {
        return List.copyOf(assumptions);
    }

    static String g(Matcher m, String group) {
        try {
            return m.group(group);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }
}
