package io.broadsheet.feed;

import io.broadsheet.storage.Statements;
import io.broadsheet.cluster.ClusterChanges;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    private final JdbcOperations jdbc;
    private final ClusterChanges cluster;

    public FeedStateStore(JdbcOperations jdbc, ClusterChanges cluster) {
        this.jdbc = jdbc;
        this.cluster = cluster;
    }

    /** Records that the named feeds changed at {@code at}; a later time already recorded is kept. */
    @Transactional
    public void touch(Collection<String> names, Instant at) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        for (String name : names) {
            if (raise(name, time) == 0) {
                int inserted = jdbc.prepareStatement(
                        "INSERT INTO feed_state (name, last_modified) VALUES (?, ?) ON CONFLICT DO NOTHING", ps -> {
                            ps.setString(1, name);
                            ps.setObject(2, time);
                            return ps.executeUpdate();
                        });
                if (inserted == 0) {
                    raise(name, time); // another transaction inserted the row first: raise it instead
                }
            }
        }
    }

    private int raise(String name, OffsetDateTime time) {
        return jdbc.prepareStatement("UPDATE feed_state SET last_modified = GREATEST(last_modified, ?) WHERE name = ?", ps -> {
            ps.setObject(1, time);
            ps.setString(2, name);
            return ps.executeUpdate();
        });
    }

    /** True when the feed has ever had a visible change recorded. */
    @ReadOnly
    public boolean hasHistory(String name) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM feed_state WHERE name = ?", ps -> {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    /** The latest change recorded for a feed, the site or the configuration, whichever is latest. */
    @ReadOnly
    public Optional<Instant> lastChange(String name) {
        return jdbc.prepareStatement("SELECT MAX(last_modified) FROM feed_state WHERE name IN (?, ?, ?)", ps -> {
            ps.setString(1, name);
            ps.setString(2, SITE);
            ps.setString(3, CONFIG);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime time = rs.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(time).map(OffsetDateTime::toInstant);
            }
        });
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
        return jdbc.prepareStatement("SELECT name, last_modified, fingerprint FROM feed_state WHERE name <> ? ORDER BY name", ps -> {
            ps.setString(1, INDEX);
            List<State> states = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.add(new State(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)));
                }
            }
            return states;
        });
    }

    /**
     * Replaces every state but the feed rows' own with {@code states}, as another installation had them: after a
     * move, the states recorded while its articles were imported give way to those of the feeds' real history.
     */
    @Transactional
    public void replaceStates(List<State> states) {
        jdbc.prepareStatement("DELETE FROM feed_state WHERE name <> ?", ps -> {
            ps.setString(1, INDEX);
            return ps.executeUpdate();
        });
        Statements.batch(jdbc, "INSERT INTO feed_state (name, last_modified, fingerprint) VALUES (?, ?, ?)",
                states.stream().filter(s -> !INDEX.equals(s.name()))
                        .map(s -> new Object[]{s.name(), s.lastModified().atOffset(ZoneOffset.UTC), s.fingerprint()}).toList());
    }

    /** Stores the configuration's fingerprint; when it differs from the stored one, every feed changed at {@code at}. */
    @Transactional
    public boolean recordConfiguration(String fingerprint, Instant at) {
        if (fingerprint(CONFIG).filter(fingerprint::equals).isPresent()) {
            return false;
        }
        touch(List.of(CONFIG), at);
        jdbc.prepareStatement("UPDATE feed_state SET fingerprint = ? WHERE name = ?", ps -> {
            ps.setString(1, fingerprint);
            ps.setString(2, CONFIG);
            return ps.executeUpdate();
        });
        cluster.everythingChanged(); // instances still running the old configuration drop what they rendered
        return true;
    }

    /** The fingerprint stored in a state row, if any. */
    @ReadOnly
    public Optional<String> fingerprint(String name) {
        return jdbc.prepareStatement("SELECT fingerprint FROM feed_state WHERE name = ?", ps -> {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }
}
