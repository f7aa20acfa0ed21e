package io.broadsheet.feed;

import io.broadsheet.cluster.ClusterChanges;
import io.broadsheet.storage.FeedStateRepository;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Remembers when each feed last changed, durably and in the writing transaction, so that Last-Modified
 * survives restarts and never moves backwards (also when the newest item is deleted).
 */
@Singleton
public class FeedStateStore {

    /** Changes that concern every feed: category names and descriptions (they label items everywhere). */
    public static final String SITE = "#site";
    /** The configuration fingerprint and when it last changed. */
    public static final String CONFIG = "#config";
    /** The named feeds' selections that this database's feed rows were built for ({@link FeedIndex}). */
    static final String INDEX = "#index";

    private final FeedStateRepository rows;
    private final ClusterChanges cluster;

    public FeedStateStore(FeedStateRepository rows, ClusterChanges cluster) {
        this.rows = rows;
        this.cluster = cluster;
    }

    /** Records that the named feeds changed at {@code at}; a later time already recorded is kept. */
    @Transactional
    public void touch(Collection<String> names, Instant at) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        for (String name : names) {
            if (rows.raise(name, time) == 0) {
                int inserted = rows.insertIfAbsent(name, time);
                if (inserted == 0) {
                    rows.raise(name, time); // another transaction inserted the row first: raise it instead
                }
            }
        }
    }

    /** True when the feed has ever had a visible change recorded. */
    @ReadOnly
    public boolean hasHistory(String name) {
        return rows.exists(name);
    }

    /** The latest change recorded for a feed, the site or the configuration, whichever is latest. */
    @ReadOnly
    public Optional<Instant> lastChange(String name) {
        return rows.latest(name, SITE, CONFIG);
    }

    /**
     * When a feed ({@code name}), the site ({@value #SITE}) or the configuration ({@value #CONFIG}) last changed.
     *
     * @param fingerprint the configuration's, in the {@value #CONFIG} state; otherwise null
     */
    public record State(String name, Instant lastModified, String fingerprint) {
    }

    /**
     * Every state but the one that describes this database's own feed rows: what moves with an installation to
     * another database, so that its feeds keep their Last-Modified and bytes.
     */
    @ReadOnly
    public List<State> states() {
        return rows.allBut(INDEX).stream().map(r -> new State(r.name(), r.lastModified(), r.fingerprint())).toList();
    }

    /**
     * Replaces every state but the feed rows' own with {@code states}, as another installation had them: after a
     * move, the states recorded while its articles were imported give way to those of the feeds' real history.
     */
    @Transactional
    public void replaceStates(List<State> states) {
        rows.deleteAllBut(INDEX);
        rows.insertAll(states.stream().filter(s -> !INDEX.equals(s.name()))
                .map(s -> new FeedStateRepository.Row(s.name(), s.lastModified(), s.fingerprint())).toList());
    }

    /** Stores the configuration's fingerprint; when it differs from the stored one, every feed changed at {@code at}. */
    @Transactional
    public boolean recordConfiguration(String fingerprint, Instant at) {
        if (fingerprint(CONFIG).filter(fingerprint::equals).isPresent()) {
            return false;
        }
        touch(List.of(CONFIG), at);
        rows.setFingerprint(CONFIG, fingerprint);
        cluster.everythingChanged(); // instances still running the old configuration drop what they rendered
        return true;
    }

    /** The fingerprint stored in a state row, if any. */
    @ReadOnly
    public Optional<String> fingerprint(String name) {
        return rows.fingerprint(name);
    }
}
