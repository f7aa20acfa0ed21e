package io.broadsheet.stats;

import io.broadsheet.storage.Statements;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every statement that writes poll statistics, on the caller's transaction: tallies are added to, announcements
 * replaced by later ones, sketches of distinct pollers merged, so that several instances' figures add up.
 */
@Singleton
class PollStore {

    /** A feed's day. */
    record FeedDay(LocalDate day, String feed) {
    }

    /** Rows of the old one-row-per-poller table folded into sketches per transaction. */
    private static final int FOLD_ROWS = 50_000;

    private final JdbcOperations jdbc;

    PollStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds polls to poll_day: rows of (day, feed, format, fetcher) and (polls, notModified, day, feed, format, fetcher). */
    void addPolls(List<Object[]> keys, List<Object[]> adds) {
        Statements.batch(jdbc, "INSERT INTO poll_day (utc_day, feed, format, fetcher, polls, not_modified)"
                + " VALUES (?, ?, ?, ?, 0, 0) ON CONFLICT DO NOTHING", keys);
        Statements.batch(jdbc, "UPDATE poll_day SET polls = polls + ?, not_modified = not_modified + ?"
                + " WHERE utc_day = ? AND feed = ? AND format = ? AND fetcher = ?", adds);
    }

    /** The latest announcements, whichever instance heard them: (day, feed, fetcher, n, at) and (n, at, day, feed, fetcher, at). */
    void announce(List<Object[]> keys, List<Object[]> sets) {
        Statements.batch(jdbc, "INSERT INTO poll_subscribers (utc_day, feed, fetcher, subscribers, seen_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", keys);
        Statements.batch(jdbc, "UPDATE poll_subscribers SET subscribers = ?, seen_at = ?"
                + " WHERE utc_day = ? AND feed = ? AND fetcher = ? AND seen_at <= ?", sets);
    }

    /** Merges each sketch into its feed's day: the row is locked from the read to the write. */
    void mergePollers(Map<FeedDay, PollerSketch> sketches) {
        sketches.forEach((key, sketch) -> {
            Date day = Date.valueOf(key.day());
            Statements.batch(jdbc, "INSERT INTO poll_pollers (utc_day, feed, pollers, sketch) VALUES (?, ?, 0, ?)"
                    + " ON CONFLICT DO NOTHING", List.<Object[]>of(new Object[]{day, key.feed(), new byte[0]}));
            PollerSketch merged = PollerSketch.of(jdbc.prepareStatement(
                    "SELECT sketch FROM poll_pollers WHERE utc_day = ? AND feed = ? FOR UPDATE", ps -> {
                        ps.setDate(1, day);
                        ps.setString(2, key.feed());
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getBytes(1) : null;
                        }
                    }));
            merged.merge(sketch);
            Statements.batch(jdbc, "UPDATE poll_pollers SET pollers = ?, sketch = ? WHERE utc_day = ? AND feed = ?",
                    List.<Object[]>of(new Object[]{merged.estimate(), merged.bytes(), day, key.feed()}));
        });
    }

    /**
     * Folds up to {@value #FOLD_ROWS} rows of poll_poller (one row per poller, as versions before the sketches wrote
     * them) into sketches and deletes them; false once none is left.
     */
    boolean foldOldPollers() {
        Map<FeedDay, PollerSketch> sketches = new HashMap<>();
        List<Object[]> folded = new java.util.ArrayList<>();
        jdbc.prepareStatement("SELECT utc_day, feed, poller FROM poll_poller ORDER BY utc_day, feed, poller LIMIT "
                + FOLD_ROWS, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sketches.computeIfAbsent(new FeedDay(rs.getDate(1).toLocalDate(), rs.getString(2)),
                            k -> new PollerSketch()).add(rs.getLong(3));
                    folded.add(new Object[]{rs.getDate(1), rs.getString(2), rs.getLong(3)});
                }
            }
            return null;
        });
        mergePollers(sketches);
        Statements.batch(jdbc, "DELETE FROM poll_poller WHERE utc_day = ? AND feed = ? AND poller = ?", folded);
        return folded.size() == FOLD_ROWS;
    }
}
