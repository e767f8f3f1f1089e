package dev.segmentagent.live;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * HMAC-SHA256 over {@code timestamp + "." + body}, sent as {@code X-Segment-Signature: sha256=<hex>} with
 * {@code X-Segment-Timestamp}. Signing the timestamp too lets a receiver refuse replays of old payloads.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Segment-Signature";
    public static final String TIMESTAMP_HEADER = "X-Segment-Timestamp";
    public static final String DELIVERY_HEADER = "X-Segment-Delivery";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison, as a receiver should do it. */
    public static boolean verify(String secret, long timestamp, String body, String header) {
        return header != null && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }
}
