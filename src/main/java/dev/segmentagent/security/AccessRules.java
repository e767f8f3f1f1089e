package dev.segmentagent.security;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The role each API route needs, in one table so that a new endpoint is covered by a rule the moment it
 * exists: reads need a viewer, drafting and changing segments an editor, and anything that changes the
 * system around the segments (keys, models, webhooks, imports, event ingestion) an admin. A route that no
 * rule names falls to the safe default: viewer for reads, admin for writes.
 */
final class AccessRules {

    private record Rule(String method, Pattern path, Role role) {
        boolean matches(String m, String p) {
            return (method.equals("*") || method.equals(m)) && path.matcher(p).matches();
        }
    }

    private static final List<Rule> RULES = List.of(
            // previews and explanations only count and read: what a viewer is for
            new Rule("POST", Pattern.compile("/api/segments/(preview|explain|outcomes|overlap)"), Role.VIEWER),
            // a generate call spends LLM tokens and drafts a segment
            new Rule("POST", Pattern.compile("/api/segments/generate"), Role.EDITOR),
            new Rule("*", Pattern.compile("/api/segments/[^/]+/(webhooks|slack-notifications)(/.*)?"), Role.ADMIN),
            new Rule("POST", Pattern.compile("/api/segments(/.*)?"), Role.EDITOR),
            new Rule("PUT", Pattern.compile("/api/segments(/.*)?"), Role.EDITOR),
            new Rule("PATCH", Pattern.compile("/api/segments(/.*)?"), Role.EDITOR),
            new Rule("DELETE", Pattern.compile("/api/segments(/.*)?"), Role.EDITOR),
            new Rule("*", Pattern.compile("/api/keys(/.*)?"), Role.ADMIN),
            new Rule("*", Pattern.compile("/api/audit(/.*)?"), Role.ADMIN),
            // import jobs name source files and their errors quote source rows
            new Rule("*", Pattern.compile("/api/imports(/.*)?"), Role.ADMIN),
            new Rule("POST", Pattern.compile("/api/(models|imports|events|webhooks)(/.*)?"), Role.ADMIN));

    private AccessRules() {
    }

    static Role required(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Rule rule : RULES) {
            if (rule.matches(m, p)) {
                return rule.role();
            }
        }
        return m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS") ? Role.VIEWER : Role.ADMIN;
    }
}
