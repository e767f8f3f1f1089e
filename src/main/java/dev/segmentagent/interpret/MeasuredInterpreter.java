package dev.segmentagent.interpret;

/**
 * An interpreter that reports what each answer cost alongside it. The cost is returned with the answer
 * (never kept in a field for a later {@code lastUsage()} call), so concurrent requests cannot see each
 * other's figures. Callers that only need the answer use {@link #interpret(String)}.
 */
public interface MeasuredInterpreter extends RequestInterpreter {

    /** An interpretation with its cost. */
    record Measured(Interpretation interpretation, InterpretationUsage usage) {}

    Measured interpretMeasured(String request);

    @Override
    default Interpretation interpret(String request) {
        return interpretMeasured(request).interpretation();
    }
}
