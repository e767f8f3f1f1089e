package dev.segmentagent.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param enabled API keys required on /api (default). Switch off only for a local single-user setup: every
 *                caller is then an admin named "local".
 */
@ConfigurationProperties("segment.security")
public record SecurityConfig(@Bindable(defaultValue = "true") boolean enabled) {
}
