package dev.segmentagent.segment;

import java.time.LocalDate;

/**
 * When an event must have happened. Either relative ({@code lastDays}: the N days before the as-of instant)
 * or absolute ({@code from} inclusive, {@code to} exclusive, either may be open). Relative windows are
 * resolved against an explicit as-of instant at compile time so results are reproducible.
 */
public record TimeWindow(Integer lastDays, LocalDate from, LocalDate to) {

    public static TimeWindow lastDays(int days) {
        return new TimeWindow(days, null, null);
    }

    public boolean isRelative() {
        return lastDays != null;
    }
}
