package dev.segmentagent.warehouse;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warehouse file is open for writing in another process: DuckDB allows one writer process per file. The
 * message names the file and, when DuckDB reports it, the process holding it, and says what to do.
 */
public class WarehouseLockedException extends WarehouseException {

    /** DuckDB's wording: {@code Could not set lock on file "F": Conflicting lock is held in PROGRAM (PID N)}. */
    private static final Pattern HOLDER = Pattern.compile("Conflicting lock is held in (.+?) \\(PID (\\d+)\\)");

    private final Path file;
    private final Long pid;

    private WarehouseLockedException(Path file, String program, Long pid, Throwable cause) {
        super(message(file, program, pid), cause);
        this.file = file;
        this.pid = pid;
    }

    /** From DuckDB's refusal, with the holding process when its message names one. */
    static WarehouseLockedException of(Path file, String duckDbMessage, Throwable cause) {
        Matcher holder = HOLDER.matcher(duckDbMessage);
        return holder.find() ? new WarehouseLockedException(file, holder.group(1), Long.parseLong(holder.group(2)), cause)
                : new WarehouseLockedException(file, null, null, cause);
    }

    /** Whether DuckDB refused the file because another process holds its lock. */
    static boolean isLockConflict(String duckDbMessage) {
        return duckDbMessage != null && duckDbMessage.contains("Could not set lock on file");
    }

    private static String message(Path file, String program, Long pid) {
        String holder = pid == null ? "another process" : "another process (PID " + pid + ", " + program + ")";
        return "the warehouse file " + file.toAbsolutePath() + " is in use by " + holder + ": DuckDB lets only one "
                + "process open it. Stop that process (is another Segment Agent running on this data folder? "
                + (pid == null ? "see `lsof " + file.toAbsolutePath() + "`" : "`kill " + pid + "`")
                + "), or start this one on another data folder (--data-dir or SEGMENT_DATA_DIR).";
    }

    public Path file() {
        return file;
    }

    /** The process holding the lock, when DuckDB reported it. */
    public Long pid() {
        return pid;
    }
}
