package dev.segmentagent.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * There is no default password: on the first start with access control on and no key yet, an admin key is
 * generated and printed once on the console. Only its hash is stored, so it cannot be shown again; a lost
 * admin key is replaced by revoking it from another admin key, or with {@code segment-agent keys create}.
 */
@Singleton
@Requires(property = "segment.security.enabled", notEquals = "false")
class FirstAdminKey implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdminKey.class);

    private final ApiKeys keys;

    FirstAdminKey(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!keys.noneActive()) {
            return;
        }
        ApiKeys.IssuedKey issued = keys.issue("admin", Role.ADMIN, "first-start");
        LOG.info("Generated the first admin API key (prefix {}); it is printed once on the console", issued.view().keyPrefix());
        System.out.println("Admin API key (shown once, keep it): " + issued.key()
                + "\n  use it as: curl -H 'Authorization: Bearer " + issued.key() + "' " + event.getSource().getURL() + "/api/segments");
    }
}
