package io.broadsheet.web;

import io.broadsheet.stats.PollRecorder;
import io.broadsheet.stats.PollStatistics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Who reads the feeds: {@code GET /api/stats/feeds?days=30} (admin). */
@Controller("/api/stats")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatsController {

    private final PollRecorder recorder;
    private final PollStatistics statistics;

    StatsController(PollRecorder recorder, PollStatistics statistics) {
        this.recorder = recorder;
        this.statistics = statistics;
    }

    @Get("/feeds")
    public PollStatistics.Report feeds(@Nullable @QueryValue String days) {
        int n = PollStatistics.days(days);
        recorder.flush(); // this instance's latest polls are in the answer
        return statistics.report(n);
    }
}
