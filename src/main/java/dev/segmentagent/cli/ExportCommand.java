package dev.segmentagent.cli;

import dev.segmentagent.live.SegmentService;
import dev.segmentagent.warehouse.ProgressReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * A saved segment's members as CSV through SegmentService.exportCsv, the same code (columns, PII rules, audit
 * entry) as GET /api/segments/{id}/members.csv, with a progress bar on stderr when writing to a file.
 */
@Command(name = "export", description = "Write a saved segment's current members as CSV (the same columns as the "
        + "REST export). Exit codes: 0 written, 3 unknown segment.")
class ExportCommand implements Callable<Integer> {

    /** Below this many members the export is over before a bar could say anything. */
    private static final long BAR_FROM = 10_000;

    @Option(names = "--segment", required = true, paramLabel = "ID", description = "saved segment id")
    UUID segment;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv|-", description = "CSV file to write, or - for stdout")
    String outFile;

    @Option(names = "--include-personal-data", description = "add the catalog's personal-data columns (email, "
            + "phone, names); recorded in the audit log. Whoever runs the CLI can read the data folder anyway, as an admin can.")
    boolean personalData;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        return CliRun.withContext(data, Map.of(), (context, out) -> {
            SegmentService segments = context.getBean(SegmentService.class);
            segments.get(segment, null); // unknown segment: fail before creating the file
            if ("-".equals(outFile)) {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                segments.exportCsv(segment, writer, SaveCommandLine.actor(), personalData);
                writer.flush();
                return ExitCode.OK;
            }
            long total = segments.members(segment, 0, 1, false, SaveCommandLine.actor()).total();
            Path file = Path.of(outFile);
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            ProgressReporter reporter = total >= BAR_FROM ? ProgressReporter.console() : ProgressReporter.silent();
            LineCounting writer;
            try (ProgressReporter.Task task = reporter.start("export", total)) {
                writer = new LineCounting(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), task);
                try (writer) {
                    segments.exportCsv(segment, writer, SaveCommandLine.actor(), personalData);
                }
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            // a half-written file must never look like a finished export
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.err.printf("Wrote %,d members to %s%n", writer.rows, file);
            return ExitCode.OK;
        });
    }

    /** Advances the bar once per line written after the header (members' values are single-line). */
    private static final class LineCounting extends FilterWriter {
        private final ProgressReporter.Task task;
        private boolean headerDone;
        long rows;

        LineCounting(Writer out, ProgressReporter.Task task) {
            super(out);
            this.task = task;
        }

        @Override
        public void write(int c) throws IOException {
            super.write(c);
            count((char) c);
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            super.write(buf, off, len);
            for (int i = off; i < off + len; i++) {
                count(buf[i]);
            }
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            super.write(str, off, len);
            for (int i = off; i < off + len; i++) {
                count(str.charAt(i));
            }
        }

        private void count(char c) {
            if (c == '\n') {
                if (headerDone) {
                    task.advance(1);
                    rows++;
                } else {
                    headerDone = true;
                }
            }
        }
    }
}
