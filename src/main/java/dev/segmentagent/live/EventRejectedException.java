package dev.segmentagent.live;

import java.util.List;

/** A batch of events that cannot be stored as sent; nothing of the batch was written. */
public class EventRejectedException extends RuntimeException {

    private final List<String> issues;

    public EventRejectedException(List<String> issues) {
        super(issues.size() + " event(s) rejected: " + String.join("; ", issues));
        this.issues = List.copyOf(issues);
    }

    public List<String> issues() {
        return issues;
    }
}
