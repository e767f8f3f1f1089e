package dev.segmentagent.cli;

import dev.segmentagent.security.ApiKeys;
import dev.segmentagent.security.Role;
import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Issues an API key from the machine the data folder lives on: the way back in when the first admin key
 * printed at start-up was lost (whoever can read the data folder owns the data anyway).
 */
@Command(name = "keys", description = "Issue an API key directly in the metadata store (e.g. a new admin key).")
class KeysCommand implements Callable<Integer> {

    @Option(names = "--name", required = true, description = "who or what the key is for; the audit log shows it")
    String name;

    @Option(names = "--role", defaultValue = "VIEWER", description = "VIEWER, EDITOR or ADMIN (default ${DEFAULT-VALUE})")
    Role role;

    @Option(names = "--data-dir", defaultValue = "./data", description = "data folder (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() {
        Map<String, Object> properties = Map.of(
                "segment.data.dir", dataDir.toString(),
                "segment.startup.prepare-data", false,
                "micronaut.server.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                .eagerInitSingletons(false).start()) {
            ApiKeys.IssuedKey issued = context.getBean(ApiKeys.class).issue(name, role, "cli");
            System.out.println(issued.key());
            System.err.printf("Issued %s key '%s' (prefix %s); it is shown only now.%n",
                    role.name().toLowerCase(), name, issued.view().keyPrefix());
        }
        return 0;
    }
}
