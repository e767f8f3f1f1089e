package dev.segmentagent.segment;

import java.util.List;

/** All issues of one validation, in the order the definition was walked (depth-first, left to right). */
public record ValidationResult(List<ValidationIssue> issues) {

    public ValidationResult {
        issues = List.copyOf(issues);
    }

    /** True when no issue is an ERROR (warnings allowed). */
    public boolean isValid() {
        return issues.stream().noneMatch(ValidationIssue::isError);
    }

    public List<ValidationIssue> errors() {
        return issues.stream().filter(ValidationIssue::isError).toList();
    }

    public List<ValidationIssue> warnings() {
        return issues.stream().filter(i -> !i.isError()).toList();
    }

    public boolean has(ValidationCode code) {
        return issues.stream().anyMatch(i -> i.code().equals(code.name()));
    }
}
