package io.broadsheet.stats;

import io.broadsheet.input.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
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

    private final JdbcOperations jdbc;
    private final Clock clock;

    public PollStatistics(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
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
        query("SELECT utc_day, feed, fetcher, SUM(polls), SUM(not_modified) FROM poll_day WHERE utc_day >= ?"
                + " GROUP BY utc_day, feed, fetcher", from, rs -> {
            FeedDays f = byFeed.computeIfAbsent(rs.getString(2), k -> new FeedDays());
            long[] d = f.days.computeIfAbsent(rs.getDate(1).toLocalDate(), k -> new long[4]);
            d[0] += rs.getLong(4);
            d[1] += rs.getLong(5);
            f.fetchers.computeIfAbsent(rs.getString(3), k -> new long[]{0, -1, 0})[0] += rs.getLong(4);
        });
        query("SELECT utc_day, feed, fetcher, subscribers FROM poll_subscribers WHERE utc_day >= ?", from, rs -> {
            FeedDays f = byFeed.computeIfAbsent(rs.getString(2), k -> new FeedDays());
            LocalDate day = rs.getDate(1).toLocalDate();
            f.days.computeIfAbsent(day, k -> new long[4])[2] += rs.getLong(4);
            long[] fetcher = f.fetchers.computeIfAbsent(rs.getString(3), k -> new long[]{0, -1, 0});
            if (day.toEpochDay() >= fetcher[2]) {
                fetcher[1] = rs.getLong(4);
                fetcher[2] = day.toEpochDay();
            }
        });
        query("SELECT utc_day, feed, pollers FROM poll_pollers WHERE utc_day >= ?", from, rs -> {
            FeedDays f = byFeed.computeIfAbsent(rs.getString(2), k -> new FeedDays());
            f.days.computeIfAbsent(rs.getDate(1).toLocalDate(), k -> new long[4])[3] += rs.getLong(3);
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

    private interface Row {
        void accept(ResultSet rs) throws java.sql.SQLException;
    }

    private void query(String sql, LocalDate from, Row row) {
        jdbc.prepareStatement(sql, ps -> {
            ps.setDate(1, Date.valueOf(from));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
            return null;
        });
    }
}
