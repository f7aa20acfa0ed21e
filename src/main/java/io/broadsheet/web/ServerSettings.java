package io.broadsheet.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

import java.time.Duration;
import java.util.Objects;

import static io.broadsheet.config.SettingRules.between;
import static io.broadsheet.config.SettingRules.positive;

/**
 * The HTTP server's connections ({@code broadsheet.port}, {@code broadsheet.idle-timeout},
 * {@code broadsheet.request-head-timeout}, {@code broadsheet.access-log}): Micronaut reads the port, the idle timeout
 * and the access log through {@code micronaut.server.*} in {@code application.yml}, which also holds the defaults;
 * this record checks them at start-up and gives the head deadline to {@link ConnectionPipeline}.
 *
 * @param port               the HTTP port; -1 is any free port
 * @param idleTimeout        a connection that neither reads nor writes for this long is closed
 * @param requestHeadTimeout a request's line and header fields must all arrive within this long of its first byte
 * @param accessLog          one access log line per request
 */
@Context
@ConfigurationProperties("broadsheet")
public record ServerSettings(int port, Duration idleTimeout, Duration requestHeadTimeout, boolean accessLog) {

    public ServerSettings {
        between("broadsheet.port", port, -1, 65_535);
        Objects.requireNonNull(idleTimeout, "broadsheet.idle-timeout (BROADSHEET_IDLE_TIMEOUT) must be set");
        positive("broadsheet.request-head-timeout", requestHeadTimeout);
    }
}
