package dev.segmentagent.ingest;

import dev.segmentagent.warehouse.ProgressReporter;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Path;

/**
 * The process {@link ImportCrashTest} kills: the service on a data folder, importing a customers and an orders
 * file, printing {@code COPYING} once the first 50 000 rows are in the staging table, so the parent knows the
 * import is mid-copy. Never run by the test suite itself (no {@code Test} in its name).
 */
public final class ImportCrashChild {

    static final String COPYING = "COPYING";

    private ImportCrashChild() {
    }

    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.builder().environments("test")
                .properties(ImportCrashTest.properties(Path.of(args[0]), false)).start()) {
            ImportService imports = context.getBean(ImportService.class);
            ProgressReporter announcing = (name, total) -> new ProgressReporter.Task() {
                private boolean told;

                @Override
                public void advance(long units) {
                    if (!told) {
                        told = true;
                        System.out.println(COPYING);
                    }
                }

                @Override
                public void close() {
                    // nothing to release
                }
            };
            System.out.println("IMPORTING");
            imports.importData(ImportCrashTest.request(Path.of(args[1]), Path.of(args[2])), announcing, false);
            System.out.println("IMPORTED"); // the kill came too late: the parent tries again
        }
    }
}
