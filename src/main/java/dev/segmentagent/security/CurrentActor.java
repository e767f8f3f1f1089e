package dev.segmentagent.security;

import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

/**
 * Who the current HTTP request acts for, as the audit log should record it. Controllers ask this rather than
 * reading headers, so every channel attributes changes the same way.
 */
@Singleton
public class CurrentActor {

    public Principal principal() {
        return ServerRequestContext.currentRequest()
                .flatMap(r -> r.getAttribute(ApiKeyFilter.PRINCIPAL, Principal.class))
                .orElse(Principal.LOCAL);
    }

    /** Whether this caller's role may see personal data in member views and exports. */
    public boolean readsPersonalData() {
        return principal().role().readsPersonalData();
    }

    /** The audit name: the key's name. */
    public String name() {
        return principal().name();
    }
}
