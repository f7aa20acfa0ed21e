package io.broadsheet.cluster;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;

/**
 * {@code /health} reports the change listener: DOWN while an instance on PostgreSQL cannot hear the others'
 * changes (it still serves correct feeds, rendering each request, but a load balancer may prefer the others).
 */
@Singleton
public class ChangeListenerHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private final ChangeListener listener;

    public ChangeListenerHealth(ChangeListener listener) {
        this.listener = listener;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        ChangeListener.State state = listener.state();
        healthStatus = switch (state) {
            case SINGLE_INSTANCE, LISTENING -> HealthStatus.UP;
            case CONNECTING -> HealthStatus.UNKNOWN;
            case DISCONNECTED -> HealthStatus.DOWN;
        };
        return Map.of("state", state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    @Override
    protected String getName() {
        return "notifications";
    }
}
