package dev.segmentagent.warehouse;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generator run wrote.
 *
 * @param rowCounts rows per table, in load order
 * @param elapsed   wall time of the whole run
 */
public record GenerationReport(Map<String, Long> rowCounts, Duration elapsed) {

    public GenerationReport {
        rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }

    public long rows(String table) {
        Long count = rowCounts.get(table);
        if (count == null) {
            throw new IllegalArgumentException("no such generated table: " + table);
        }
        return count;
    }
}
