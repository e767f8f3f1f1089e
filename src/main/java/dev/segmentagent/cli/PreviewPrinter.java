package dev.segmentagent.cli;

import dev.segmentagent.preview.Preview;
import dev.segmentagent.segment.ValidationIssue;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A preview as a person reads it in a terminal: count and share, the funnel, warnings, a sample table. */
final class PreviewPrinter {

    private static final int MAX_CELL = 24;

    private PreviewPrinter() {
    }

    static void print(Preview preview, PrintStream out) {
        out.printf(Locale.ROOT, "Count: %,d of %,d customers (%s) as of %s%n", preview.count(), preview.baseCount(),
                percent(preview.share()), preview.asOf());
        if (preview.funnel().size() > 1) {
            out.println("Funnel:");
            for (Preview.FunnelStep step : preview.funnel()) {
                out.printf(Locale.ROOT, "  %,12d  %7s  %s%n", step.count(), percent(step.shareOfPrevious()), step.label());
            }
        }
        for (ValidationIssue warning : preview.warnings()) {
            out.println("Warning: " + warning.message());
        }
        if (preview.sample().isEmpty()) {
            out.println("Sample: no customer matches.");
            return;
        }
        out.printf("Sample (%d of %,d):%n", preview.sample().size(), preview.count());
        table(preview.sampleFields(), preview.sample(), out);
    }

    /** Columns sized to their content (capped), so a sample reads as a table in an 80-column terminal. */
    static void table(List<String> fields, List<Map<String, Object>> rows, PrintStream out) {
        List<String> columns = new ArrayList<>();
        columns.add("customer_id");
        fields.stream().filter(f -> !f.equals("customer_id")).forEach(columns::add);
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = Math.min(MAX_CELL, columns.get(c).length());
            for (Map<String, Object> row : rows) {
                widths[c] = Math.max(widths[c], cell(row.get(columns.get(c))).length());
            }
        }
        StringBuilder header = new StringBuilder(" ");
        for (int c = 0; c < columns.size(); c++) {
            header.append(' ').append(pad(clip(columns.get(c)), widths[c]));
        }
        out.println(header.toString().stripTrailing());
        for (Map<String, Object> row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < columns.size(); c++) {
                line.append(' ').append(pad(cell(row.get(columns.get(c))), widths[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, share >= 0.1 || share == 0 ? "%.1f%%" : "%.2f%%", 100 * share);
    }

    private static String cell(Object value) {
        return clip(value == null ? "–" : String.valueOf(value));
    }

    private static String clip(String text) {
        return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 1) + "…";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
