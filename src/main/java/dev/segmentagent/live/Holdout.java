package dev.segmentagent.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The deterministic control group of a segment: a customer is held out when a hash of (segment id, customer
 * id) falls below the holdout percentage. The same customer stays in or out of the control group across
 * refreshes, restarts and machines, and different segments draw independent groups, so lift can be measured.
 */
public final class Holdout {

    private Holdout() {
    }

    /** A stable position of the customer in [0, 100) for this segment. */
    public static double position(UUID segmentId, long customerId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((segmentId + ":" + customerId).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) { // 56 bits: exact in a double
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            return bits * 100.0 / (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static boolean heldOut(UUID segmentId, long customerId, double percent) {
        return percent > 0 && position(segmentId, customerId) < percent;
    }
}
