package io.broadsheet.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format (the README's "Metrics" section lists the
 * service's own). Spec: https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */
@Controller
public class MetricsController {

    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** On the blocking pool: a scrape may read the article count from the database (every few seconds at most). */
    @Get(uri = "/metrics", produces = TEXT_FORMAT)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public String scrape() {
        return registry.scrape();
    }
}
