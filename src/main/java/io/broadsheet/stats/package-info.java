/**
 * Who polls the feeds: {@link io.broadsheet.stats.PollRecorder} counts each answered poll in memory and writes the
 * counts every few seconds through {@link io.broadsheet.stats.PollStore}; {@link io.broadsheet.stats.PollStatistics}
 * reads the report. Everything is bounded by what the newsroom controls, never by what a poller sends: the fetcher is
 * one of the fixed names of {@link io.broadsheet.stats.Fetcher}, announced subscriber counts are believed only from
 * those readers and up to a maximum, and the distinct pollers of a feed's day are one fixed-size
 * {@link io.broadsheet.stats.PollerSketch}. The SQL is {@code io.broadsheet.storage.PollRepository}'s. Read
 * {@code PollRecorder} first.
 */
package io.broadsheet.stats;
