package io.broadsheet.clients;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * Which peers may name the client ({@code broadsheet.trusted-proxies}, for {@link ClientAddresses}); the default and
 * what it does are in {@code application.yml}.
 *
 * @param trustedProxies comma-separated CIDR blocks or addresses of proxies whose {@code X-Forwarded-For} is believed;
 *                       empty or null: none
 */
@Context
@ConfigurationProperties("broadsheet")
public record ClientSettings(@Nullable String trustedProxies) {

    public ClientSettings {
        ClientAddresses.blocks(trustedProxies);
    }
}
