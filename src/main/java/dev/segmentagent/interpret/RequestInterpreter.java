package dev.segmentagent.interpret;

/** Turns a request in plain words into an {@link Interpretation}. */
public interface RequestInterpreter {

    Interpretation interpret(String request);

    /** "offline-planner" or the LLM model name, reported with every answer. */
    String name();
}
