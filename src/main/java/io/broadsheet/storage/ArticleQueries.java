package io.broadsheet.storage;

import io.broadsheet.article.model.Article;
import io.broadsheet.article.model.ArticleAuthor;
import io.broadsheet.article.model.ArticleImage;
import io.broadsheet.article.model.ArticleSelection;
import io.broadsheet.article.model.ArticleStamp;
import io.broadsheet.article.model.StoredArticle;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every read of the article aggregate. Loading any number of articles costs three queries: the rows, whose JSON
 * columns carry the images, authors and corrections ({@link ArticleChildren}), then their categories and tags.
 * Callers run them on one snapshot, so an article and its children always come from the same version.
 */
@Singleton
public class ArticleQueries {

    private static final String COLUMNS = "id, slug, title, summary, body, url, language, published_at, created_at,"
            + " updated_at, version, expires_at, withdrawn_at, withdrawn_reason, corrections, authors, images";
    /** The articles after an id, by id: what {@link #after} reads (a range of the primary key, never a sort). */
    public static final String AFTER_ID_SQL = "SELECT " + COLUMNS + " FROM article WHERE id > ? ORDER BY id LIMIT ?";
    /** Most expired articles one transaction withdraws (a whole agency's content may end at one instant). */
    public static final int EXPIRY_CHUNK = 500;
    /** The live articles whose usage window ended by now: a range of article_expiry's primary key. */
    public static final String DUE_EXPIRIES_SQL = "SELECT article_id FROM article_expiry WHERE expires_at <= ?"
            + " ORDER BY expires_at, article_id LIMIT " + EXPIRY_CHUNK;

    private final JdbcOperations jdbc;
    private final ArticleChildren children;

    ArticleQueries(JdbcOperations jdbc, ArticleChildren children) {
        this.jdbc = jdbc;
        this.children = children;
    }

    /** The id of the article at {@code slug}, its row locked until the caller's transaction ends when {@code lock}. */
    public List<Long> idsBySlugs(Collection<String> slugs, boolean lock) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return Statements.longs(jdbc, "SELECT id FROM article WHERE slug IN (" + Statements.placeholders(slugs.size())
                + ") ORDER BY id" + (lock ? " FOR UPDATE" : ""), slugs.toArray());
    }

    /** The articles with these ids, in the order given (missing ids are left out), with their children. */
    public List<StoredArticle> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Row> byId = new HashMap<>();
        rows("SELECT " + COLUMNS + " FROM article WHERE id IN (" + Statements.placeholders(ids.size()) + ")",
                ids.toArray()).forEach(r -> byId.put(r.article().id(), r));
        return load(ids.stream().map(byId::get).filter(Objects::nonNull).toList());
    }

    /** Up to {@code limit} articles whose ids come after {@code afterId}, by id, with their children. */
    public List<StoredArticle> after(long afterId, int limit) {
        return load(rows(AFTER_ID_SQL, afterId, limit));
    }

    /** The stamps of the articles with these ids, in the order given (missing ids are left out). */
    public List<ArticleStamp> stamps(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleStamp> byId = jdbc.prepareStatement("SELECT id, version, published_at, updated_at"
                + " FROM article WHERE id IN (" + Statements.placeholders(ids.size()) + ")", ps -> {
            Statements.bind(ps, ids.toArray());
            Map<Long, ArticleStamp> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new ArticleStamp(rs.getLong(1), rs.getLong(2), instant(rs, 3),
                            instant(rs, 4)));
                }
            }
            return found;
        });
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The ids of the live articles whose usage window ended by {@code now}, soonest first, a chunk of them. */
    public List<Long> dueExpiries(Instant now) {
        return Statements.longs(jdbc, DUE_EXPIRIES_SQL, now.atOffset(ZoneOffset.UTC));
    }

    public boolean isEmpty() {
        return Statements.longs(jdbc, "SELECT id FROM article ORDER BY id LIMIT 1").isEmpty();
    }

    /** The ids of the newest matching articles (by publication, then id), a page of them. */
    public List<Long> newestIds(ArticleSelection selection, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT a.id FROM article a" + where(selection, params)
                + " ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        return Statements.longs(jdbc, sql, params.toArray());
    }

    /**
     * How many articles match: for a selection by tags, a count over those tags' rows (it grows with the tags'
     * articles, not with the archive).
     */
    public long count(ArticleSelection selection) {
        List<Object> params = new ArrayList<>();
        String sql;
        if (selection.tags().isEmpty()) {
            sql = "SELECT COUNT(*) FROM article a" + where(selection, params);
        } else {
            ArticleSelection untagged = new ArticleSelection(selection.categories(), List.of(), selection.publishedBy());
            params.addAll(selection.tags());
            List<Object> rest = new ArrayList<>();
            String where = where(untagged, rest);
            params.addAll(rest);
            String tagged = "SELECT DISTINCT t.article_id FROM article_tag t WHERE t.tag_key IN ("
                    + Statements.placeholders(selection.tags().size()) + ")";
            // every tag row belongs to a stored article: without other conditions the article table is not read at all
            // (joined, PostgreSQL scanned the whole of it for every count)
            sql = where.isEmpty() ? "SELECT COUNT(*) FROM (" + tagged + ") tagged"
                    : "SELECT COUNT(*) FROM (" + tagged + ") tagged JOIN article a ON a.id = tagged.article_id" + where;
        }
        return Statements.longs(jdbc, sql, params.toArray()).get(0);
    }

    private static String where(ArticleSelection selection, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (selection.publishedBy() != null) {
            clauses.add("a.published_at <= ?");
            params.add(selection.publishedBy().atOffset(ZoneOffset.UTC));
        }
        if (!selection.categories().isEmpty()) {
            clauses.add("EXISTS (SELECT 1 FROM article_category c WHERE c.article_id = a.id AND c.category_slug IN ("
                    + Statements.placeholders(selection.categories().size()) + "))");
            params.addAll(selection.categories());
        }
        if (!selection.tags().isEmpty()) {
            clauses.add("EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ("
                    + Statements.placeholders(selection.tags().size()) + "))");
            params.addAll(selection.tags());
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** An article row with the children its JSON columns carry. */
    private record Row(Article article, List<ArticleImage> images, List<ArticleAuthor> authors) {
    }

    private List<Row> rows(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            Statements.bind(ps, params);
            List<Row> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(row(rs));
                }
            }
            return found;
        });
    }

    /** The row as {@link #COLUMNS} lists it. */
    private Row row(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        Article article = new Article(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9), instant(rs, 10), rs.getLong(11),
                instant(rs, 12), instant(rs, 13), rs.getString(14), children.readCorrections(id, rs.getString(15)));
        return new Row(article, children.readImages(id, rs.getString(17)), children.readAuthors(id, rs.getString(16)));
    }

    /** The rows with their categories and tags: one query each for all of them. */
    private List<StoredArticle> load(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> r.article().id()).toList();
        Map<Long, List<String>> categories = links("SELECT article_id, category_slug FROM article_category", ids);
        Map<Long, List<String>> tags = links("SELECT article_id, tag FROM article_tag", ids);
        return rows.stream().map(r -> new StoredArticle(r.article(), r.images(), r.authors(),
                categories.getOrDefault(r.article().id(), List.of()),
                tags.getOrDefault(r.article().id(), List.of()))).toList();
    }

    /** (article id, value) rows of a link table for these articles, grouped by article in ordinal order. */
    private Map<Long, List<String>> links(String select, List<Long> ids) {
        return jdbc.prepareStatement(select + " WHERE article_id IN (" + Statements.placeholders(ids.size())
                + ") ORDER BY article_id, ordinal", ps -> {
            Statements.bind(ps, ids.toArray());
            Map<Long, List<String>> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            return found;
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
