package dev.segmentagent.warehouse;

import java.util.Arrays;
import java.util.SplittableRandom;

import static dev.segmentagent.warehouse.DemoTime.DAY;
import static dev.segmentagent.warehouse.DemoTime.HOUR;
import static dev.segmentagent.warehouse.SeededRandom.chance;

/**
 * When a customer places orders. Each persona has its own rhythm; the result is sorted, lies after signup,
 * before the churn moment (if any) and before as-of.
 */
final class PurchaseTimeline {

    /** Share of a weekend shopper's activity moved to Saturday/Sunday: strong, not perfect. */
    static final double WEEKEND_LOYALTY = 0.93;
    private static final double QUARTER_DAYS = 91.3;

    private final long asOf;

    PurchaseTimeline(GeneratorOptions options) {
        this.asOf = options.asOf().getEpochSecond();
    }

    long[] orderTimes(CustomerProfile profile, SplittableRandom random) {
        double[] days = switch (profile.persona()) {
            case SEASONAL_BUYER -> seasonalBursts(profile, random);
            case ONE_TIME_BUYER -> new double[] {firstPurchaseDay(profile, random, 12)};
            case WINDOW_SHOPPER -> chance(random, 0.15)
                    ? new double[] {firstPurchaseDay(profile, random, 60)}
                    : new double[0];
            default -> steadyBuying(profile, random);
        };
        long[] times = place(profile, days, random);
        if (times.length == 0 && profile.persona() == Persona.ONE_TIME_BUYER) {
            // The single purchase must exist: fall back to shortly after signup.
            times = new long[] {Math.min(profile.signupAt() + 2 * HOUR, asOf - 2 * HOUR)};
        } else if (times.length == 0 && profile.persona() == Persona.DECLINING_ENGAGEMENT) {
            // A churner must have bought before churning: one purchase in the active time before the decline.
            times = new long[] {profile.signupAt() + (profile.declineStart() - profile.signupAt()) / 2};
        }
        return times;
    }

    /** A Poisson stream of purchases, thinned by the customer's fading engagement before churn. */
    private double[] steadyBuying(CustomerProfile profile, SplittableRandom random) {
        double meanGapDays = 365.0 / (profile.persona().ordersPerYear() * profile.activity());
        double end = endDay(profile);
        double day = firstPurchaseDay(profile, random, 8);
        double[] days = new double[16];
        int count = 0;
        while (day < end) {
            if (random.nextDouble() < profile.engagement((long) (day * DAY))) {
                days = grow(days, count);
                days[count++] = day;
            }
            day += SeededRandom.exponential(random, meanGapDays);
        }
        return Arrays.copyOf(days, count);
    }

    /**
     * Purchases cluster in a burst roughly every quarter, each customer on its own phase: 1-2 orders within
     * a few days of the burst centre, some bursts skipped, and a rare purchase between bursts.
     */
    private double[] seasonalBursts(CustomerProfile profile, SplittableRandom random) {
        double signupDay = profile.signupAt() / (double) DAY;
        double end = endDay(profile);
        double centre = profile.seasonalPhaseSeconds() / (double) DAY + Math.floor(signupDay / QUARTER_DAYS) * QUARTER_DAYS;
        double[] days = new double[16];
        int count = 0;
        for (; centre < end; centre += QUARTER_DAYS) {
            if (centre < signupDay || !chance(random, 0.9)) {
                continue;
            }
            int orders = 1 + random.nextInt(2);
            for (int i = 0; i < orders; i++) {
                days = grow(days, count);
                days[count++] = centre + 3.0 * SeededRandom.gaussian(random);
            }
        }
        if (chance(random, 0.3)) {
            days = grow(days, count);
            days[count++] = signupDay + (end - signupDay) * random.nextDouble();
        }
        return Arrays.copyOf(days, count);
    }

    private double firstPurchaseDay(CustomerProfile profile, SplittableRandom random, double meanDelayDays) {
        return profile.signupAt() / (double) DAY + SeededRandom.exponential(random, meanDelayDays);
    }

    private double endDay(CustomerProfile profile) {
        long end = profile.churns() ? profile.churnAt() : asOf;
        return end / (double) DAY;
    }

    /** Turns purchase days into moments: weekend shoppers' moved to the weekend, all inside the allowed span. */
    private long[] place(CustomerProfile profile, double[] days, SplittableRandom random) {
        long earliest = profile.signupAt() + HOUR;
        long latest = (profile.churns() ? profile.churnAt() : asOf) - 2 * HOUR;
        long lastDay = DemoTime.dayOf(latest);
        long[] times = new long[days.length];
        int count = 0;
        for (double d : days) {
            long day = (long) Math.floor(d);
            if (profile.persona() == Persona.WEEKEND_SHOPPER && chance(random, WEEKEND_LOYALTY)) {
                day = DemoTime.weekendDayNear(day, lastDay, random);
            }
            long t = DemoTime.placeInDay(day, random);
            if (t >= earliest && t < latest) {
                times[count++] = t;
            }
        }
        long[] placed = Arrays.copyOf(times, count);
        Arrays.sort(placed);
        return placed;
    }

    private static double[] grow(double[] array, int count) {
        return count < array.length ? array : Arrays.copyOf(array, array.length * 2);
    }
}
