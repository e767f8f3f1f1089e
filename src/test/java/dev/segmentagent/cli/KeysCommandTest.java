package dev.segmentagent.cli;

import dev.segmentagent.security.ApiKeys;
import dev.segmentagent.security.Principal;
import dev.segmentagent.security.Role;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KeysCommandTest {

    @Test
    void keys_command_prints_a_working_key_with_the_requested_role_for_that_data_folder() {
        Path dataDir = Path.of("target", "keys-cli", "data-" + System.nanoTime());
        CommandRun run = CommandRun.of("keys", "--name", "ops", "--role", "admin", "--data-dir", dataDir.toString());
        int exit = run.exit();
        String key = run.out().lines().filter(l -> l.startsWith("sa_")).findFirst().orElseThrow();

        Optional<Principal> principal;
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                "segment.data.dir", dataDir.toString(), "segment.startup.prepare-data", false,
                "micronaut.server.enabled", false)).eagerInitSingletons(false).start()) {
            principal = context.getBean(ApiKeys.class).authenticate(key);
        }

        assertThat(exit).isZero();
        assertThat(principal).contains(new Principal("ops", Role.ADMIN));
    }
}
