package dev.segmentagent.warehouse;

import java.util.SplittableRandom;

/**
 * Seeded randomness for the generator. Every customer gets its own stream derived from (seed, id), so a
 * customer's rows do not depend on which thread built it or in which order customers were built.
 */
final class SeededRandom {

    private SeededRandom() {
    }

    /** The random stream of one customer. */
    static SplittableRandom forCustomer(long seed, long customerId) {
        return new SplittableRandom(mix(seed, customerId));
    }

    /** The random stream of a shared, non-customer thing (the campaign calendar), told apart by a salt. */
    static SplittableRandom forShared(long seed, long salt) {
        return new SplittableRandom(mix(seed ^ 0x5DEECE66DL, salt));
    }

    /** SplitMix64 finaliser over both inputs: neighbouring ids give unrelated streams. */
    static long mix(long seed, long id) {
        long z = seed * 0x9E3779B97F4A7C15L + id * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** Index into {@code cumulative}, a running sum of weights (last element = total). */
    static int pick(SplittableRandom random, double[] cumulative) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static double[] cumulative(double... weights) {
        double[] sums = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            sums[i] = total;
        }
        return sums;
    }

    /** Waiting time of a Poisson process with the given mean gap. */
    static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1.0 - random.nextDouble());
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller; one value per call keeps the stream simple to reason about.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** A positive multiplier around 1 with the given spread (log-normal). */
    static double logNormal(SplittableRandom random, double sigma) {
        return Math.exp(sigma * gaussian(random) - sigma * sigma / 2);
    }

    static double between(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
