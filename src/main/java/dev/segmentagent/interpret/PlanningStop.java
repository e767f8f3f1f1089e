package dev.segmentagent.interpret;


/** A matcher found that the request must be declined or clarified rather than answered. */
final class PlanningStop extends RuntimeException {

    private final transient Interpretation interpretation;

    PlanningStop(Interpretation interpretation) {
        super(null, null, false, false);
        this.interpretation = interpretation;
    }

    Interpretation interpretation() {
        return interpretation;
    }
}
