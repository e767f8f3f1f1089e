package dev.segmentagent.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the framework's body-binding messages before they reach a client. Jackson's own text names the
 * Java classes behind the API ("dev.segmentagent.api.SegmentRequests$PreviewRequest", "java.lang.Long") and
 * parser internals; found by the adversarial corpus. A client needs the property that was wrong, not them.
 */
final class ClientSafeDetail {

    private static final Pattern PROPERTY = Pattern.compile("\\[\"([^\"]{1,100})\"]|\\[(\\d+)]");
    private static final Pattern INTERNALS = Pattern.compile(
            "Cannot deserialize|Failed to convert argument|reference chain|StreamReadFeature|\\bjava\\.|dev\\.segmentagent\\.|Exception");

    private ClientSafeDetail() {
    }

    static String of(String detail) {
        if (detail == null || !INTERNALS.matcher(detail).find()) {
            return detail;
        }
        String chain = detail.contains("reference chain") ? detail.substring(detail.indexOf("reference chain")) : "";
        List<String> path = new ArrayList<>();
        Matcher m = PROPERTY.matcher(chain);
        while (m.find()) {
            path.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        String where = path.isEmpty() ? "" : " at '" + String.join(".", path) + "'";
        return "The request body could not be read: a value" + where + " is missing, malformed or of the wrong type.";
    }
}
