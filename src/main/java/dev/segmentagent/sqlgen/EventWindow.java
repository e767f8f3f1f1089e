package dev.segmentagent.sqlgen;

import dev.segmentagent.segment.TimeWindow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A time window resolved to UTC bounds [from, to) against the as-of instant. Events at or after as-of never
 * count, so results for a past as-of do not change when newer events arrive.
 *
 * @param from inclusive lower bound; null for all history
 * @param to   exclusive upper bound, never after as-of
 */
record EventWindow(LocalDateTime from, LocalDateTime to) {

    static final int MAX_DAYS = 3650;

    static EventWindow resolve(TimeWindow window, Instant asOf) {
        LocalDateTime upper = LocalDateTime.ofInstant(asOf, ZoneOffset.UTC);
        if (window == null) {
            return new EventWindow(null, upper);
        }
        if (window.lastDays() != null) {
            int days = window.lastDays();
            if (days < 1 || days > MAX_DAYS) {
                throw new SegmentCompileException("lastDays must be between 1 and " + MAX_DAYS + ", got " + days);
            }
            return new EventWindow(LocalDateTime.ofInstant(asOf.minus(Duration.ofDays(days)), ZoneOffset.UTC), upper);
        }
        LocalDateTime from = window.from() == null ? null : window.from().atStartOfDay();
        LocalDateTime to = window.to() == null ? upper : window.to().atStartOfDay();
        return new EventWindow(from, to.isBefore(upper) ? to : upper);
    }
}
