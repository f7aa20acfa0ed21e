package io.broadsheet.storage;

import io.broadsheet.article.model.ArticleImage;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * What the sitemaps read ({@code io.broadsheet.sitemap}): the articles a reader can open (not withdrawn, published by
 * now: the rule of the feeds and of the article page), by ranges of the primary key for the pages of the index, and
 * the newest publications for the news sitemap, one range of {@code article_published_idx}. No statement skips rows
 * with an offset: page N costs what page 1 costs. Both page statements are ranges of {@code article_sitemap_idx}
 * (V10), which holds every column they read: {@code SitemapPlansTest} reads their plans, bench/RESULTS.md has them at
 * a million articles.
 */
@Singleton
public class SitemapQueries {

    /** The highest article id: how many pages the index may have. */
    public static final String MAX_ID_SQL = "SELECT MAX(id) FROM article";
    /** The first article id past one: where the next page holding any article starts (an index seek): (id). */
    public static final String NEXT_ID_SQL = "SELECT id FROM article WHERE id > ? ORDER BY id LIMIT 1";
    /**
     * A page's summary: its listed articles and its latest change, a publication or an update, withdrawals included
     * (a withdrawal stamps updated_at): (from id, to id, now, now).
     */
    public static final String SUMMARY_SQL = "SELECT SUM(CASE WHEN withdrawn_at IS NULL THEN 1 ELSE 0 END),"
            + " MAX(CASE WHEN updated_at > published_at THEN updated_at ELSE published_at END)"
            + " FROM article WHERE id > ? AND id <= ? AND published_at <= ?";
    /** A page's listed articles by id: (from id, to id, now). */
    public static final String PAGE_SQL = "SELECT slug,"
            + " CASE WHEN updated_at > published_at THEN updated_at ELSE published_at END"
            + " FROM article WHERE id > ? AND id <= ? AND withdrawn_at IS NULL AND published_at <= ? ORDER BY id";
    /** The newest listed publications in (since, now], newest first: (since, now, limit). */
    public static final String NEWS_SQL = "SELECT id, slug, title, language, published_at, images FROM article"
            + " WHERE published_at > ? AND published_at <= ? AND withdrawn_at IS NULL"
            + " ORDER BY published_at DESC, id DESC LIMIT ?";
    /** The latest publication at or before an instant: (instant). */
    public static final String LATEST_PUBLICATION_SQL = "SELECT published_at FROM article WHERE published_at <= ?"
            + " ORDER BY published_at DESC, id DESC LIMIT 1";
    /** The ids of the articles published in [from, to]: the embargoes that lifted then: (from, to). */
    public static final String PUBLISHED_IDS_SQL = "SELECT id FROM article WHERE published_at >= ? AND published_at <= ?";
    /** Rows a result set fetches at a time on PostgreSQL, which otherwise reads a whole page's rows at once. */
    private static final int FETCH_SIZE = 1000;

    private final JdbcOperations jdbc;
    private final ArticleChildren children;

    SitemapQueries(JdbcOperations jdbc, ArticleChildren children) {
        this.jdbc = jdbc;
        this.children = children;
    }

    /** A page of the index: how many articles it lists, and its latest change (null when nothing was published). */
    public record Summary(long listed, Instant lastModified) {
    }

    /** One listed URL of a page: the article's slug and its latest change. */
    public record Listed(String slug, Instant lastModified) {
    }

    /** One article of the news sitemap. */
    public record News(long id, String slug, String title, String language, Instant publishedAt,
                       List<ArticleImage> images) {
    }

    /** The highest article id there is, or 0. */
    @ReadOnly
    public long maxId() {
        return jdbc.prepareStatement(MAX_ID_SQL, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The first article id greater than {@code id}, or -1 when there is none. */
    @ReadOnly
    public long nextId(long id) {
        return jdbc.prepareStatement(NEXT_ID_SQL, ps -> {
            Statements.bind(ps, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1L;
            }
        });
    }

    /** The summary of the articles with ids in ({@code fromId}, {@code toId}] at {@code now}. */
    @ReadOnly
    public Summary summary(long fromId, long toId, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return jdbc.prepareStatement(SUMMARY_SQL, ps -> {
            Statements.bind(ps, fromId, toId, at);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Summary(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class)));
            }
        });
    }

    /** Hands each listed article with an id in ({@code fromId}, {@code toId}] to {@code each}, by id, as read. */
    @ReadOnly
    public void page(long fromId, long toId, Instant now, Consumer<Listed> each) {
        jdbc.prepareStatement(PAGE_SQL, ps -> {
            Statements.bind(ps, fromId, toId, now.atOffset(ZoneOffset.UTC));
            stream(ps, rs -> each.accept(new Listed(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant())));
            return null;
        });
    }

    /** Up to {@code limit} listed articles published in ({@code since}, {@code now}], newest first. */
    @ReadOnly
    public List<News> news(Instant since, Instant now, int limit) {
        return jdbc.prepareStatement(NEWS_SQL, ps -> {
            Statements.bind(ps, since.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), limit);
            List<News> news = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    news.add(new News(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), children.readImages(id, rs.getString(6))));
                }
            }
            return news;
        });
    }

    /** Hands the id of each article published in [{@code from}, {@code to}] to {@code each}. */
    @ReadOnly
    public void publishedIds(Instant from, Instant to, LongConsumer each) {
        jdbc.prepareStatement(PUBLISHED_IDS_SQL, ps -> {
            Statements.bind(ps, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
            stream(ps, rs -> each.accept(rs.getLong(1)));
            return null;
        });
    }

    /** The latest publication at or before {@code at}, withdrawn articles included, or null. */
    @ReadOnly
    public Instant latestPublication(Instant at) {
        return jdbc.prepareStatement(LATEST_PUBLICATION_SQL, ps -> {
            Statements.bind(ps, at.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : null;
            }
        });
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void stream(PreparedStatement ps, Row row) throws SQLException {
        ps.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
