package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

/** The followers of each feed ({@code fediverse_follower}). */
@Singleton
public class FollowerRepository {

    private final JdbcOperations jdbc;

    FollowerRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** How many follow {@code feed}: a range of the (feed, followed_at) index. */
    @ReadOnly
    public long count(String feed) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM fediverse_follower WHERE feed = ?", ps -> {
            Statements.bind(ps, feed);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }
}
