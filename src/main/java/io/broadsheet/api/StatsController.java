package io.broadsheet.api;

import io.broadsheet.web.ApiDocs;
import io.broadsheet.stats.PollRecorder;
import io.broadsheet.stats.PollStatistics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who reads the feeds: {@code GET /api/stats/feeds?days=30} (admin). */
@ApiDocs.Admin
@Tag(name = "Statistics")
@Controller("/api/stats")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatsController {

    private final PollRecorder recorder;
    private final PollStatistics statistics;

    StatsController(PollRecorder recorder, PollStatistics statistics) {
        this.recorder = recorder;
        this.statistics = statistics;
    }

    @Operation(operationId = "feedStatistics", summary = "Feed polls and subscribers by day",
            description = "Most subscribed feed first. A day's `subscribers` is the sum of the counts the fetchers"
                    + " announced that day plus the distinct pollers that announced none; a feed's is that of its latest"
                    + " day with polls.",
            parameters = @Parameter(name = "days", description = "Days back from today (UTC), today included.",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "" + PollStatistics.MAX_DAYS, defaultValue = "" + PollStatistics.DEFAULT_DAYS)))
    @ApiResponse(responseCode = "200", description = "Polls and subscribers by feed and day.", useReturnTypeSchema = true)
    @ApiDocs.BadQuery
    @Get("/feeds")
    public PollStatistics.Report feeds(@Nullable @QueryValue String days) {
        int n = PollStatistics.days(days);
        recorder.flush(); // this instance's latest polls are in the answer
        return statistics.report(n);
    }
}
