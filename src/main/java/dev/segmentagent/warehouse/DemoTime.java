package dev.segmentagent.warehouse;

import java.util.SplittableRandom;

/** Calendar arithmetic on epoch seconds (UTC), without allocating date objects per row. */
final class DemoTime {

    static final long HOUR = 3_600;
    static final long DAY = 86_400;

    /** Shop traffic by hour of day, UTC: quiet nights, a lunch bump, the evening peak. */
    private static final double[] HOUR_CUMULATIVE = SeededRandom.cumulative(
            1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 3.5, 4, 4.2, 4.5,
            5.5, 5, 4.5, 4.5, 5, 5.5, 6.5, 7.5, 8, 7, 5, 2.5);

    private DemoTime() {
    }

    static long dayOf(long epochSecond) {
        return Math.floorDiv(epochSecond, DAY);
    }

    /** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
    static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7);
    }

    static boolean isWeekend(long epochSecond) {
        return dayOfWeek(dayOf(epochSecond)) >= 5;
    }

    /** A moment on the given day, following the daily traffic curve. */
    static long placeInDay(long epochDay, SplittableRandom random) {
        int hour = SeededRandom.pick(random, HOUR_CUMULATIVE);
        return epochDay * DAY + hour * HOUR + random.nextInt((int) HOUR);
    }

    /** The Saturday or Sunday of the same week, or of the week before when that one lies past {@code lastDay}. */
    static long weekendDayNear(long epochDay, long lastDay, SplittableRandom random) {
        long saturday = epochDay - dayOfWeek(epochDay) + 5;
        long day = saturday + (random.nextBoolean() ? 1 : 0);
        return day > lastDay ? day - 7 : day;
    }
}
