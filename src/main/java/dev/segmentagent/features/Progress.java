package dev.segmentagent.features;

/** Where a training run is: a phase name and a rough percentage, for GET /api/models/runs/{id} and the log. */
@FunctionalInterface
interface Progress {

    void report(String phase, int percent);

    static Progress none() {
        return (phase, percent) -> { };
    }
}
