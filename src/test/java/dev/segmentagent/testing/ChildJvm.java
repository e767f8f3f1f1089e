package dev.segmentagent.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the test class path, for crash tests: start it, wait for a line it prints when it is inside
 * the work to interrupt, then kill it with SIGKILL ({@link Process#destroyForcibly()} on Linux), so no shutdown
 * hook, finally block or DuckDB checkpoint runs in the child.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final String awaited;
    private final CountDownLatch seen = new CountDownLatch(1);
    private final List<String> marked = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Lines the child prints starting with this are kept for {@link #marked()} (e.g. "@ run-id 42"). */
    public static final String MARK = "@ ";

    private ChildJvm(Process process, String awaited) {
        this.process = process;
        this.awaited = awaited;
        Thread reader = new Thread(this::read, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} with {@code args}; {@link #awaitLine} then waits for a line ending with {@code line}. */
    public static ChildJvm start(Class<?> main, String line, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start(), line);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                }
                if (line.startsWith(MARK) && marked.size() < 1000) {
                    marked.add(line.substring(MARK.length()));
                }
                if (line.endsWith(awaited)) {
                    seen.countDown();
                }
            }
        } catch (java.io.IOException ignored) {
            // the child was killed
        }
    }

    /** Whether the awaited line came within the time. */
    public boolean awaitLine(long seconds) throws InterruptedException {
        return seen.await(seconds, TimeUnit.SECONDS);
    }

    /** What the child printed after {@link #MARK}, in order. */
    public List<String> marked() {
        return List.copyOf(marked);
    }

    /** The child's last lines, for a failure message. */
    public String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and wait until the process is gone (and its DuckDB lock with it). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
