package dev.segmentagent.segment;

import java.util.List;

/**
 * One finding of {@link DefinitionValidator}.
 *
 * @param code        a {@link ValidationCode} name, stable for clients and the repair loop
 * @param path        JSON path into the definition, e.g. {@code $.condition.conditions[0].field}
 * @param message     a human sentence
 * @param suggestions replacement names or values to try, best first (may be empty)
 */
public record ValidationIssue(String code, Severity severity, String path, String message, List<String> suggestions) {

    public ValidationIssue {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    static ValidationIssue of(ValidationCode code, String path, String message, List<String> suggestions) {
        return new ValidationIssue(code.name(), code.severity(), path, message, suggestions);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
