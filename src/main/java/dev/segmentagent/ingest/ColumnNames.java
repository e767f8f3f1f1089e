package dev.segmentagent.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Source column names turned into catalog identifiers ({@code ^[a-z][a-z0-9_]{0,62}$}): "Cust ID" → cust_id,
 * "LTV($)" → ltv, "signupDate" → signup_date. The catalog uses names as SQL identifiers, so this is where
 * arbitrary header text stops.
 */
final class ColumnNames {

    private ColumnNames() {
    }

    static String normalize(String raw) {
        String s = raw.strip()
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")       // signupDate -> signup_Date
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")    // HTTPCode -> HTTP_Code
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            s = "column";
        }
        if (!Character.isLetter(s.charAt(0))) {
            s = "c_" + s;
        }
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    /** Normalised names for a header, made unique with _2, _3 ... in order. */
    static List<String> normalizeAll(List<String> raws) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (String raw : raws) {
            String base = normalize(raw);
            String name = base;
            for (int i = 2; !taken.add(name); i++) {
                name = base + "_" + i;
            }
            names.add(name);
        }
        return names;
    }
}
