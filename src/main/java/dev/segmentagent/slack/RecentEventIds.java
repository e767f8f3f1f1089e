package dev.segmentagent.slack;

import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event ids seen lately. Slack redelivers an event (with X-Slack-Retry-Num) when an acknowledgement was slow or
 * lost; answering each delivery would post the same answer twice.
 */
@Singleton
@SlackEnabled
class RecentEventIds {

    private static final int CAPACITY = 2_000;

    private final Map<String, Boolean> seen = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** True the first time an id is offered; false for a redelivery. An absent id is always new. */
    synchronized boolean firstTime(String eventId) {
        return eventId == null || seen.put(eventId, Boolean.TRUE) == null;
    }
}
