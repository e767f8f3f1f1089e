package dev.segmentagent.sqlgen;

import java.util.regex.Pattern;

/**
 * Quotes identifiers taken from the catalog. The catalog's JSON Schema already restricts names to
 * snake_case; asserting it again here means a catalog loaded some other way still cannot inject SQL.
 */
public final class Identifiers {

    private static final Pattern SAFE = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

    private Identifiers() {}

    public static String quote(String identifier) {
        if (identifier == null || !SAFE.matcher(identifier).matches()) {
            throw new SegmentCompileException("refusing identifier '" + identifier + "': catalog names must match "
                    + SAFE.pattern());
        }
        return '"' + identifier + '"';
    }
}
