package io.broadsheet.web;

import io.broadsheet.input.InvalidInputException;
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

    static final int MAX_DAYS = 400;

    private final PollRecorder recorder;
    private final PollStatistics statistics;

    StatsController(PollRecorder recorder, PollStatistics statistics) {
        this.recorder = recorder;
        this.statistics = statistics;
    }

    @Get("/feeds")
    public PollStatistics.Report feeds(@Nullable @QueryValue String days) {
        int n = 30;
        if (days != null) {
            try {
                n = Integer.parseInt(days);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_DAYS) {
                throw InvalidInputException.of("days", "must be a whole number from 1 to " + MAX_DAYS + ", got '" + days + "'");
            }
        }
        recorder.flush(); // this instance's latest polls are in the answer
        return statistics.report(n);
    }
}
