package io.broadsheet.stats;

import io.broadsheet.storage.PollRepository;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes poll statistics on the caller's transaction through {@link PollRepository}: tallies are added to,
 * announcements replaced by later ones, sketches of distinct pollers merged, so that several instances' figures add
 * up.
 */
@Singleton
class PollStore {

    /** A feed's day. */
    record FeedDay(LocalDate day, String feed) {
    }

    /** Rows of the old one-row-per-poller table folded into sketches per transaction. */
    private static final int FOLD_ROWS = 50_000;

    private final PollRepository polls;

    PollStore(PollRepository polls) {
        this.polls = polls;
    }

    /** Adds polls to poll_day: rows of (day, feed, format, fetcher) and (polls, notModified, day, feed, format, fetcher). */
    void addPolls(List<Object[]> keys, List<Object[]> adds) {
        polls.addPolls(keys, adds);
    }

    /** The latest announcements, whichever instance heard them: (day, feed, fetcher, n, at) and (n, at, day, feed, fetcher, at). */
    void announce(List<Object[]> keys, List<Object[]> sets) {
        polls.announce(keys, sets);
    }

    /** Merges each sketch into its feed's day: the row is locked from the read to the write. */
    void mergePollers(Map<FeedDay, PollerSketch> sketches) {
        sketches.forEach((key, sketch) -> {
            Date day = Date.valueOf(key.day());
            PollerSketch merged = PollerSketch.of(polls.lockPollers(day, key.feed()));
            merged.merge(sketch);
            polls.writePollers(day, key.feed(), merged.estimate(), merged.bytes());
        });
    }

    /**
     * Folds up to {@value #FOLD_ROWS} rows of poll_poller (one row per poller, as versions before the sketches wrote
     * them) into sketches and deletes them; false once none is left.
     */
    boolean foldOldPollers() {
        Map<FeedDay, PollerSketch> sketches = new HashMap<>();
        List<PollRepository.OldPoller> folded = polls.oldPollers(FOLD_ROWS);
        for (PollRepository.OldPoller row : folded) {
            sketches.computeIfAbsent(new FeedDay(row.day().toLocalDate(), row.feed()), k -> new PollerSketch())
                    .add(row.poller());
        }
        mergePollers(sketches);
        polls.deleteOldPollers(folded);
        return folded.size() == FOLD_ROWS;
    }
}
