package dev.segmentagent.load;

/** The kinds of call the load run makes; each has its own latency histogram and error tally. */
public enum RequestKind {
    PREVIEW, SAVE, GENERATE, EVENTS
}
