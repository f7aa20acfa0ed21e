package io.broadsheet.api;

import io.broadsheet.web.ApiDocs;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /metrics}, for the admin token ({@link AdminTokenFilter}): every meter in the Prometheus text format (docs/operations.md, "Metrics", lists the
 * service's own). Spec: https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */
@Tag(name = "Operations")
@ApiDocs.Admin
@Controller
public class MetricsController {

    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** On the blocking pool: a scrape may read the article count from the database (every few seconds at most). */
    @Operation(operationId = "scrapeMetrics", summary = "Every meter in the Prometheus text format",
            description = "The admin token, as Prometheus sends it with `authorization: {credentials: <token>}`. The"
                    + " \"Metrics\" section of docs/operations.md lists Broadsheet's own meters.")
    @ApiResponse(responseCode = "200", description = "The meters, one sample a line.", useReturnTypeSchema = true)
    @Get(uri = "/metrics", produces = TEXT_FORMAT)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public String scrape() {
        return registry.scrape();
    }
}
