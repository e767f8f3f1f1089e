package dev.segmentagent.warehouse;

import java.util.Locale;

/**
 * Tells a failure caused by a full disk (ENOSPC) from other storage failures, whichever store hit it: DuckDB
 * reports it in its IO Error text, H2 and the JDK as an IOException deeper in the cause chain.
 */
public final class DiskFull {

    private static final String[] SIGNS = {"no space left on device", "enospc", "disk is full", "disk full",
        "not enough space on the disk"};

    private DiskFull() {
    }

    /** Whether {@code e}, one of its causes or anything suppressed on the way says the disk is full. */
    public static boolean in(Throwable e) {
        return in(e, 0);
    }

    private static boolean in(Throwable e, int depth) {
        if (e == null || depth > 20) {
            return false;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        for (String sign : SIGNS) {
            if (message.contains(sign)) {
                return true;
            }
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (in(suppressed, depth + 1)) {
                return true;
            }
        }
        return e.getCause() != e && in(e.getCause(), depth + 1);
    }
}
