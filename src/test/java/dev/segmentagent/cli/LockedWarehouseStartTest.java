package dev.segmentagent.cli;

import dev.segmentagent.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting the service (the jar's main, in a child JVM) on a data folder whose warehouse file another process
 * holds open (this test's JVM): it ends at once with exit status 7 and one line naming the file, the process
 * holding it and what to do, no stack trace; and the file's data is untouched.
 */
class LockedWarehouseStartTest {

    @TempDir
    Path dataDir;

    @Test
    void a_start_on_a_locked_warehouse_file_says_which_file_which_process_and_what_to_do() throws Exception {
        Path file = dataDir.resolve("warehouse.duckdb");
        try (Connection holder = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement s = holder.createStatement()) {
            s.execute("CREATE TABLE kept AS SELECT range AS n FROM range(1000)");
            s.execute("CHECKPOINT");

            Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Application.class.getName(), "serve", "--data-dir", dataDir.toString(), "--customers", "200",
                    "--port", "-1")).redirectErrorStream(true).start();
            boolean exited = child.waitFor(180, TimeUnit.SECONDS);
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!exited) {
                child.destroyForcibly();
            }
            assertThat(exited).as("the service gave up instead of running; output:\n%s", output).isTrue();
            assertThat(child.exitValue()).as(output).isEqualTo(7);
            long pid = ProcessHandle.current().pid();
            assertThat(output).contains("error: the warehouse file " + file.toAbsolutePath()
                            + " is in use by another process (PID " + pid + ",")
                    .contains("`kill " + pid + "`").contains("--data-dir or SEGMENT_DATA_DIR")
                    .doesNotContain("\tat ").doesNotContain("Exception");
        }
        try (Connection reopened = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement s = reopened.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), sum(n) FROM kept")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1000);
            assertThat(rs.getLong(2)).isEqualTo(999L * 1000 / 2);
        }
    }
}
