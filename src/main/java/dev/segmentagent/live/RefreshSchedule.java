package dev.segmentagent.live;

import java.time.Duration;
import java.time.Instant;

/** When a segment is due for its scheduled full refresh: its interval (own or global) since its last run. */
final class RefreshSchedule {

    private RefreshSchedule() {
    }

    static boolean due(Instant lastRunStarted, Integer ownIntervalSeconds, Duration globalInterval, Instant now) {
        if (lastRunStarted == null) {
            return true;
        }
        Duration interval = ownIntervalSeconds != null ? Duration.ofSeconds(ownIntervalSeconds) : globalInterval;
        return !lastRunStarted.plus(interval).isAfter(now);
    }
}
