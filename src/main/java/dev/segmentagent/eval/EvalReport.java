package dev.segmentagent.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The figures of one eval run and every case's result, as JSON (the record) and as markdown. */
public record EvalReport(String interpreter, long customers, Instant asOf, Summary all, Summary withoutModels,
                         Summary modelCases, Summary heldout, long latencyP50Millis, long latencyP95Millis,
                         long tokens, List<CaseResult> cases) {

    /**
     * @param notScorable     answerable cases whose gold member set is empty on this data (e.g. model outputs
     *                        not trained yet): an empty answer would match vacuously, so they are not counted
     * @param answerable      cases with a non-empty gold member set
     * @param exact           of those, answered with exactly the gold members
     * @param meanJaccard     mean Jaccard over answerable cases (0 for a case not answered)
     * @param fieldCases      answerable cases whose gold fields are derivable and that were answered
     * @param fieldsCorrect   of those, with the same fields as the gold
     * @param behaviourCases  cases expecting clarify or decline
     * @param behaviourCorrect of those, clarified or declined as expected
     */
    public record Summary(int cases, int notScorable, int answerable, int exact, double meanJaccard, int fieldCases,
                          int fieldsCorrect, int behaviourCases, int behaviourCorrect) {

        public double exactRate() {
            return answerable == 0 ? 0 : (double) exact / answerable;
        }

        public double behaviourRate() {
            return behaviourCases == 0 ? 0 : (double) behaviourCorrect / behaviourCases;
        }

        public double fieldRate() {
            return fieldCases == 0 ? 0 : (double) fieldsCorrect / fieldCases;
        }

        static Summary of(List<CaseResult> results) {
            int answerable = 0;
            int notScorable = 0;
            int exact = 0;
            double jaccard = 0;
            int fieldCases = 0;
            int fieldsCorrect = 0;
            int behaviourCases = 0;
            int behaviourCorrect = 0;
            for (CaseResult r : results) {
                if (r.expected().equals("answer") && r.goldCount() != null && r.goldCount() == 0) {
                    notScorable++;
                } else if (r.expected().equals("answer")) {
                    answerable++;
                    exact += r.correct() ? 1 : 0;
                    jaccard += r.jaccard() == null ? 0 : r.jaccard();
                    if (r.fieldsCorrect() != null) {
                        fieldCases++;
                        fieldsCorrect += r.fieldsCorrect() ? 1 : 0;
                    }
                } else {
                    behaviourCases++;
                    behaviourCorrect += r.correct() ? 1 : 0;
                }
            }
            return new Summary(results.size(), notScorable, answerable, exact, answerable == 0 ? 0 : jaccard / answerable,
                    fieldCases, fieldsCorrect, behaviourCases, behaviourCorrect);
        }
    }

    static EvalReport of(String interpreter, long customers, Instant asOf, List<CaseResult> results) {
        Predicate<CaseResult> models = r -> r.tags().contains("needs-models");
        long[] latencies = results.stream().mapToLong(CaseResult::latencyMillis).sorted().toArray();
        return new EvalReport(interpreter, customers, asOf, Summary.of(results),
                Summary.of(results.stream().filter(models.negate()).toList()),
                Summary.of(results.stream().filter(models).toList()),
                Summary.of(results.stream().filter(r -> r.tags().contains("heldout")).toList()),
                Scoring.percentile(latencies, 50), Scoring.percentile(latencies, 95),
                results.stream().mapToLong(CaseResult::tokens).sum(), List.copyOf(results));
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Eval report: ").append(interpreter).append("\n\n");
        md.append("Data: ").append(String.format(Locale.ROOT, "%,d", customers)).append(" customers, as of ")
                .append(asOf).append(". Cases: ").append(all.cases()).append(".\n\n");
        md.append("| slice | cases | gold empty (not scored) | execution match (answerable) | mean Jaccard | field choice | clarify/decline correct |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        row(md, "all", all);
        row(md, "without needs-models", withoutModels);
        row(md, "needs-models only", modelCases);
        row(md, "heldout only", heldout);
        md.append("\nLatency per request: p50 ").append(latencyP50Millis).append(" ms, p95 ").append(latencyP95Millis)
                .append(" ms (interpretation only). Tokens: ").append(tokens).append(".\n\n");
        md.append("Cases tagged needs-models test churn, propensity, RFM and cluster outputs; they can only match ")
                .append("once the models are trained and scored on this data.\n\n");
        md.append("## Cases\n\n| id | tags | expected | outcome | ok | Jaccard | produced / gold | fields | detail |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (CaseResult r : cases) {
            md.append("| ").append(r.id()).append(" | ").append(String.join(", ", r.tags())).append(" | ")
                    .append(r.expected()).append(" | ").append(r.outcome()).append(" | ")
                    .append(r.correct() ? "yes" : "**no**").append(" | ")
                    .append(r.jaccard() == null ? "" : String.format(Locale.ROOT, "%.3f", r.jaccard())).append(" | ")
                    .append(r.producedCount() == null ? "" : r.producedCount() + " / " + r.goldCount()).append(" | ")
                    .append(cell(String.join(" ", r.fieldsUsed()))).append(" | ")
                    .append(cell(detail(r))).append(" |\n");
        }
        return md.toString();
    }

    private static String detail(CaseResult r) {
        List<String> parts = new ArrayList<>();
        parts.add("\"" + r.request() + "\"");
        if (r.detail() != null) {
            parts.add(r.detail());
        }
        if (!r.correct() && r.definition() != null) {
            parts.add(r.definition());
        }
        if (!r.producedSample().isEmpty()) {
            parts.add("ids " + r.producedSample().stream().limit(5).toList() + (r.producedCount() != null
                    && r.producedCount() > 5 ? "..." : ""));
        }
        String text = String.join("; ", parts);
        return text.length() > 400 ? text.substring(0, 397) + "..." : text;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static void row(StringBuilder md, String name, Summary s) {
        md.append("| ").append(name).append(" | ").append(s.cases()).append(" | ").append(s.notScorable()).append(" | ")
                .append(String.format(Locale.ROOT, "%d/%d = %.1f%%", s.exact(), s.answerable(), 100 * s.exactRate()))
                .append(" | ").append(String.format(Locale.ROOT, "%.3f", s.meanJaccard())).append(" | ")
                .append(String.format(Locale.ROOT, "%d/%d = %.1f%%", s.fieldsCorrect(), s.fieldCases(),
                        100 * s.fieldRate())).append(" | ")
                .append(String.format(Locale.ROOT, "%d/%d = %.1f%%", s.behaviourCorrect(), s.behaviourCases(),
                        100 * s.behaviourRate())).append(" |\n");
    }
}
