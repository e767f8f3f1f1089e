package dev.segmentagent.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** The catalog cannot be used. Carries every problem found, so one start-up attempt shows them all. */
public class CatalogException extends RuntimeException {

    private final List<CatalogProblem> problems;

    public CatalogException(List<CatalogProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }

    private static String format(List<CatalogProblem> problems) {
        return problems.size() + " catalog problem" + (problems.size() == 1 ? "" : "s") + ":\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
