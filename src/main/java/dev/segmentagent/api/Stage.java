package dev.segmentagent.api;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The pipeline stage at which a request failed, reported in every problem response. */
public enum Stage {
    /** the HTTP request itself: malformed JSON, missing parameter, unknown route */
    REQUEST,
    /** turning words into a definition (agent or offline planner) */
    INTERPRET,
    /** parsing the definition and checking it against the catalog */
    VALIDATE,
    /** definition to SQL, including the SQL policy check */
    COMPILE,
    /** running SQL on the warehouse */
    EXECUTE,
    /** the metadata store (saved segments, versions) */
    STORE,
    /** importing customer data (reading, checking and loading files or a JDBC source) */
    IMPORT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
