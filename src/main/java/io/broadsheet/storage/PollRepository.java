package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * The poll statistics' tables ({@code poll_day}, {@code poll_subscribers}, {@code poll_pollers}, the old
 * {@code poll_poller}, {@code poll_salt}), every statement on the caller's transaction: tallies are added to,
 * announcements replaced by later ones, and a feed's day of pollers is a sketch whose bytes the caller merges
 * between {@link #lockPollers} and {@link #writePollers}.
 */
@Singleton
public class PollRepository {

    /** The tables whose rows are a day's, oldest first to go. */
    private static final List<String> DAY_TABLES = List.of("poll_day", "poll_subscribers", "poll_pollers",
            "poll_poller", "poll_salt");

    /** A feed's polls by one fetcher on a day, summed over formats. */
    public record PollDay(LocalDate day, String feed, String fetcher, long polls, long notModified) {
    }

    /** The subscribers a fetcher announced for a feed on a day. */
    public record Announced(LocalDate day, String feed, String fetcher, long subscribers) {
    }

    /** The estimated distinct pollers of a feed on a day. */
    public record Pollers(LocalDate day, String feed, long pollers) {
    }

    /** A row of the old one-row-per-poller table. */
    public record OldPoller(Date day, String feed, long poller) {
    }

    private final JdbcOperations jdbc;

    PollRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds polls to poll_day: rows of (day, feed, format, fetcher) and (polls, notModified, day, feed, format, fetcher). */
    public void addPolls(List<Object[]> keys, List<Object[]> adds) {
        Statements.batch(jdbc, "INSERT INTO poll_day (utc_day, feed, format, fetcher, polls, not_modified)"
                + " VALUES (?, ?, ?, ?, 0, 0) ON CONFLICT DO NOTHING", keys);
        Statements.batch(jdbc, "UPDATE poll_day SET polls = polls + ?, not_modified = not_modified + ?"
                + " WHERE utc_day = ? AND feed = ? AND format = ? AND fetcher = ?", adds);
    }

    /** The latest announcements, whichever instance heard them: (day, feed, fetcher, n, at) and (n, at, day, feed, fetcher, at). */
    public void announce(List<Object[]> keys, List<Object[]> sets) {
        Statements.batch(jdbc, "INSERT INTO poll_subscribers (utc_day, feed, fetcher, subscribers, seen_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", keys);
        Statements.batch(jdbc, "UPDATE poll_subscribers SET subscribers = ?, seen_at = ?"
                + " WHERE utc_day = ? AND feed = ? AND fetcher = ? AND seen_at <= ?", sets);
    }

    /** The sketch of a feed's day, its row made if missing and locked until the transaction ends; null without one. */
    public byte[] lockPollers(Date day, String feed) {
        Statements.batch(jdbc, "INSERT INTO poll_pollers (utc_day, feed, pollers, sketch) VALUES (?, ?, 0, ?)"
                + " ON CONFLICT DO NOTHING", List.<Object[]>of(new Object[]{day, feed, new byte[0]}));
        return jdbc.prepareStatement(
                "SELECT sketch FROM poll_pollers WHERE utc_day = ? AND feed = ? FOR UPDATE", ps -> {
                    ps.setDate(1, day);
                    ps.setString(2, feed);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getBytes(1) : null;
                    }
                });
    }

    /** Writes the merged sketch of a feed's day, locked by {@link #lockPollers}, with its estimate. */
    public void writePollers(Date day, String feed, long pollers, byte[] sketch) {
        Statements.batch(jdbc, "UPDATE poll_pollers SET pollers = ?, sketch = ? WHERE utc_day = ? AND feed = ?",
                List.<Object[]>of(new Object[]{pollers, sketch, day, feed}));
    }

    /** Up to {@code limit} rows of poll_poller (one row per poller, as versions before the sketches wrote them). */
    public List<OldPoller> oldPollers(int limit) {
        return jdbc.prepareStatement("SELECT utc_day, feed, poller FROM poll_poller ORDER BY utc_day, feed, poller LIMIT "
                + limit, ps -> {
            List<OldPoller> rows = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OldPoller(rs.getDate(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return rows;
        });
    }

    /** Deletes rows of poll_poller once folded into sketches. */
    public void deleteOldPollers(List<OldPoller> folded) {
        Statements.batch(jdbc, "DELETE FROM poll_poller WHERE utc_day = ? AND feed = ? AND poller = ?",
                folded.stream().map(r -> new Object[]{r.day(), r.feed(), r.poller()}).toList());
    }

    /** Deletes every statistic of the days before {@code before}, table by table. */
    public void deleteBefore(Date before) {
        for (String table : DAY_TABLES) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE utc_day < ?", ps -> {
                ps.setDate(1, before);
                return ps.executeUpdate();
            });
        }
    }

    /** The day's salt: the one another instance stored, or else {@code fresh}, stored now. */
    public String salt(LocalDate day, String fresh) {
        Statements.batch(jdbc, "INSERT INTO poll_salt (utc_day, salt) VALUES (?, ?) ON CONFLICT DO NOTHING",
                List.<Object[]>of(new Object[]{Date.valueOf(day), fresh}));
        return jdbc.prepareStatement("SELECT salt FROM poll_salt WHERE utc_day = ?", ps -> {
            ps.setDate(1, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    /** Each feed's polls by fetcher and day from {@code from} on. */
    public void pollDays(LocalDate from, Consumer<PollDay> each) {
        query("SELECT utc_day, feed, fetcher, SUM(polls), SUM(not_modified) FROM poll_day WHERE utc_day >= ?"
                + " GROUP BY utc_day, feed, fetcher", from, rs -> each.accept(new PollDay(rs.getDate(1).toLocalDate(),
                rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5))));
    }

    /** Each announcement from {@code from} on. */
    public void announced(LocalDate from, Consumer<Announced> each) {
        query("SELECT utc_day, feed, fetcher, subscribers FROM poll_subscribers WHERE utc_day >= ?", from,
                rs -> each.accept(new Announced(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                        rs.getLong(4))));
    }

    /** Each feed's estimated pollers by day from {@code from} on. */
    public void pollers(LocalDate from, Consumer<Pollers> each) {
        query("SELECT utc_day, feed, pollers FROM poll_pollers WHERE utc_day >= ?", from,
                rs -> each.accept(new Pollers(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3))));
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
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
