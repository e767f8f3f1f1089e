package dev.segmentagent.preview;

import dev.segmentagent.segment.ValidationResult;

/** Validation found errors: the definition cannot run. Carries every issue so all can be fixed at once. */
public class DefinitionRejectedException extends RuntimeException {

    private final transient ValidationResult result;

    public DefinitionRejectedException(ValidationResult result) {
        super(result.errors().size() == 1 ? result.errors().get(0).message()
                : result.errors().size() + " problems in the definition: "
                + result.errors().get(0).message() + " (and more)");
        this.result = result;
    }

    public ValidationResult result() {
        return result;
    }
}
