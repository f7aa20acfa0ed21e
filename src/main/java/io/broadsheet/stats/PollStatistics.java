package io.broadsheet.stats;

import io.broadsheet.input.InvalidInputException;
import io.broadsheet.storage.PollRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code GET /api/stats/feeds} reports, read from what {@link PollRecorder} wrote: per feed and day, the polls,
 * the share answered 304, and the estimated subscribers (the counts the fetchers announced, plus the distinct pollers
 * that announce none); per feed, the fetchers that polled most.
 */
@Singleton
public class PollStatistics {

    static final int TOP_FETCHERS = 10;
    /** The period a report covers unless asked otherwise, and the longest one (the history kept). */
    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 400;

    private final PollRepository rows;
    private final Clock clock;

    public PollStatistics(PollRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** One feed's day. */
    @Serdeable
    public record Day(LocalDate day, long polls, long notModified, double notModifiedShare, long subscribers,
                      long announcedSubscribers, long otherPollers) {
    }

    /** A fetcher of one feed over the period; {@code subscribers}: its latest announcement, or null. */
    @Serdeable
    public record FetcherTotal(String fetcher, long polls, Long subscribers) {
    }

    /** One feed over the period; {@code subscribers}: the estimate of its latest day with polls. */
    @Serdeable
    public record FeedStats(String feed, long subscribers, long polls, double notModifiedShare, List<Day> days,
                            List<FetcherTotal> topFetchers) {
    }

    /** The report, most subscribed feed first. */
    @Serdeable
    public record Report(LocalDate from, LocalDate to, List<FeedStats> feeds) {
    }

    private static final class FeedDays {
        final Map<LocalDate, long[]> days = new TreeMap<>(); // polls, notModified, announced, others
        final Map<String, long[]> fetchers = new TreeMap<>(); // polls, latest announced (-1: none), its day
    }

    /** The last {@code days} days, today included. */
    @ReadOnly
    public Report report(int days) {
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(days - 1L);
        Map<String, FeedDays> byFeed = new TreeMap<>();
        rows.pollDays(from, row -> {
            FeedDays f = byFeed.computeIfAbsent(row.feed(), k -> new FeedDays());
            long[] d = f.days.computeIfAbsent(row.day(), k -> new long[4]);
            d[0] += row.polls();
            d[1] += row.notModified();
            f.fetchers.computeIfAbsent(row.fetcher(), k -> new long[]{0, -1, 0})[0] += row.polls();
        });
        rows.announced(from, row -> {
            FeedDays f = byFeed.computeIfAbsent(row.feed(), k -> new FeedDays());
            f.days.computeIfAbsent(row.day(), k -> new long[4])[2] += row.subscribers();
            long[] fetcher = f.fetchers.computeIfAbsent(row.fetcher(), k -> new long[]{0, -1, 0});
            if (row.day().toEpochDay() >= fetcher[2]) {
                fetcher[1] = row.subscribers();
                fetcher[2] = row.day().toEpochDay();
            }
        });
        rows.pollers(from, row -> {
            FeedDays f = byFeed.computeIfAbsent(row.feed(), k -> new FeedDays());
            f.days.computeIfAbsent(row.day(), k -> new long[4])[3] += row.pollers();
        });
        List<FeedStats> feeds = new ArrayList<>();
        byFeed.forEach((feed, f) -> {
            List<Day> list = new ArrayList<>();
            long polls = 0;
            long notModified = 0;
            long latest = 0;
            for (Map.Entry<LocalDate, long[]> e : f.days.entrySet()) {
                long[] d = e.getValue();
                list.add(new Day(e.getKey(), d[0], d[1], share(d[1], d[0]), d[2] + d[3], d[2], d[3]));
                polls += d[0];
                notModified += d[1];
                if (d[0] > 0) {
                    latest = d[2] + d[3];
                }
            }
            List<FetcherTotal> top = f.fetchers.entrySet().stream()
                    .map(e -> new FetcherTotal(e.getKey(), e.getValue()[0], e.getValue()[1] < 0 ? null : e.getValue()[1]))
                    .sorted(Comparator.comparingLong(FetcherTotal::polls).reversed().thenComparing(FetcherTotal::fetcher))
                    .limit(TOP_FETCHERS).toList();
            feeds.add(new FeedStats(feed, latest, polls, share(notModified, polls), list, top));
        });
        feeds.sort(Comparator.comparingLong(FeedStats::subscribers).reversed().thenComparing(FeedStats::feed));
        return new Report(from, to, feeds);
    }

    /** The period a request's {@code days} asks for: {@value #DEFAULT_DAYS} when absent, else 1 to {@value #MAX_DAYS}. */
    public static int days(@Nullable String days) {
        if (days == null) {
            return DEFAULT_DAYS;
        }
        int n;
        try {
            n = Integer.parseInt(days);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_DAYS) {
            throw InvalidInputException.of("days", "must be a whole number from 1 to " + MAX_DAYS + ", got '" + days + "'");
        }
        return n;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
