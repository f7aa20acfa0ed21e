package io.broadsheet.storage;

import io.broadsheet.article.model.ArticleAuthor;
import io.broadsheet.article.model.ArticleImage;
import io.broadsheet.article.model.ArticleInput;
import io.broadsheet.article.model.Correction;
import io.broadsheet.article.model.ServerFields;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes article rows with JDBC batches, one statement per table for any number of articles, in the caller's
 * transaction: the row carries the images, authors and corrections as JSON ({@link ArticleChildren}), and only the
 * categories and tags, which feeds select by, have rows of their own.
 */
@Singleton
public class ArticleRows {

    private final JdbcOperations jdbc;
    private final ArticleChildren children;
    /** A JSON parameter: H2 reads a string bound to a JSON column as one JSON string unless told it is JSON text. */
    private final String json;

    ArticleRows(JdbcOperations jdbc, ArticleChildren children, Database database) {
        this.jdbc = jdbc;
        this.children = children;
        this.json = database.isH2() ? "? FORMAT JSON" : "CAST(? AS jsonb)";
    }

    /** Inserts new articles (version 0, created and updated at {@code now}); returns their ids in order. */
    public List<Long> insert(List<ArticleInput> inputs, Instant now) {
        Connection connection = jdbc.getConnection();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO article (slug, title, summary, body, url,"
                + " language, published_at, created_at, updated_at, version, expires_at, authors, images)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, " + json + ", " + json + ")", new String[]{"id"})) {
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            for (ArticleInput in : inputs) {
                Statements.bind(ps, in.slug(), in.title(), in.summary(), in.body(), in.url(), in.language(),
                        in.publishedAt().atOffset(ZoneOffset.UTC), at, at, utc(in.expiresAt()),
                        children.authors(authors(in)), children.images(images(in)));
                ps.addBatch();
            }
            ps.executeBatch();
            List<Long> ids = new ArrayList<>(inputs.size());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
            if (ids.size() != inputs.size()) {
                throw new IllegalStateException("Expected " + inputs.size() + " generated ids, got " + ids.size());
            }
            return ids;
        } catch (SQLException e) {
            throw new DataAccessException("Articles could not be inserted: " + e.getMessage(), e);
        }
    }

    /** Inserts articles under the ids, times and versions they carry (an import with preserve-ids). */
    public void insertKept(List<ArticleInput> inputs, List<ServerFields> kept) {
        List<Object[]> rows = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ArticleInput in = inputs.get(i);
            ServerFields k = kept.get(i);
            rows.add(new Object[]{k.id(), in.slug(), in.title(), in.summary(), in.body(), in.url(), in.language(),
                    in.publishedAt().atOffset(ZoneOffset.UTC), k.createdAt().atOffset(ZoneOffset.UTC),
                    k.updatedAt().atOffset(ZoneOffset.UTC), k.version(), utc(in.expiresAt()), utc(k.withdrawnAt()),
                    k.withdrawnReason(), children.corrections(k.corrections()), children.authors(authors(in)),
                    children.images(images(in))});
        }
        Statements.batch(jdbc, "INSERT INTO article (id, slug, title, summary, body, url, language, published_at, created_at,"
                + " updated_at, version, expires_at, withdrawn_at, withdrawn_reason, corrections, authors, images)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + json + ", " + json + ", " + json + ")", rows);
    }

    /**
     * Replaces articles whose version is still {@code versions[i]}, with their images and authors; returns how many
     * rows each update changed (0 when the article changed meanwhile).
     */
    public int[] replace(List<Long> ids, List<Long> versions, List<ArticleInput> inputs,
                         List<List<Correction>> corrections, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (int i = 0; i < ids.size(); i++) {
            ArticleInput in = inputs.get(i);
            rows.add(new Object[]{in.slug(), in.title(), in.summary(), in.body(), in.url(), in.language(),
                    in.publishedAt().atOffset(ZoneOffset.UTC), utc(in.expiresAt()),
                    children.corrections(corrections.get(i)), children.authors(authors(in)),
                    children.images(images(in)), at, ids.get(i), versions.get(i)});
        }
        return Statements.batch(jdbc, "UPDATE article SET slug = ?, title = ?, summary = ?, body = ?, url = ?, language = ?,"
                + " published_at = ?, expires_at = ?, corrections = " + json + ", authors = " + json + ", images = "
                + json + ", updated_at = ?, version = version + 1 WHERE id = ? AND version = ?", rows);
    }

    /**
     * Withdraws (a reason) or restores (null) the article if it is still at {@code version}: a new version updated at
     * {@code now}, withdrawn at {@code withdrawnAt}. False when it changed meanwhile.
     */
    public boolean setWithdrawn(long id, long version, Instant withdrawnAt, String reason, Instant now) {
        return jdbc.prepareStatement("UPDATE article SET withdrawn_at = ?, withdrawn_reason = ?, updated_at = ?,"
                + " version = version + 1 WHERE id = ? AND version = ?", ps -> {
            Statements.bind(ps, utc(withdrawnAt), reason, now.atOffset(ZoneOffset.UTC), id, version);
            return ps.executeUpdate() == 1;
        });
    }

    /** Deletes the article and its rows if it is still at {@code version}; false when it changed or went. */
    public boolean delete(long id, long version) {
        return jdbc.prepareStatement("DELETE FROM article WHERE id = ? AND version = ?", ps -> {
            Statements.bind(ps, id, version);
            return ps.executeUpdate() == 1;
        });
    }

    /** Forgets the article's expiries that fell due by {@code now}. */
    public void dropDueExpiry(long id, Instant now) {
        jdbc.prepareStatement("DELETE FROM article_expiry WHERE expires_at <= ? AND article_id = ?", ps -> {
            Statements.bind(ps, now.atOffset(ZoneOffset.UTC), id);
            return ps.executeUpdate();
        });
    }

    /** Removes the category and tag rows of these articles. */
    public void deleteLinks(List<Long> ids) {
        List<Object[]> rows = ids.stream().map(id -> new Object[]{id}).toList();
        Statements.batch(jdbc, "DELETE FROM article_category WHERE article_id = ?", rows);
        Statements.batch(jdbc, "DELETE FROM article_tag WHERE article_id = ?", rows);
    }

    /** Inserts the category and tag rows of {@code inputs[i]} under {@code ids[i]}. */
    public void insertLinks(List<Long> ids, List<ArticleInput> inputs) {
        List<Object[]> categories = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        for (int a = 0; a < ids.size(); a++) {
            long id = ids.get(a);
            ArticleInput in = inputs.get(a);
            for (int i = 0; i < in.categories().size(); i++) {
                categories.add(new Object[]{id, i, in.categories().get(i)});
            }
            for (int i = 0; i < in.tags().size(); i++) {
                tags.add(new Object[]{id, i, in.tags().get(i), in.tags().get(i).toLowerCase(Locale.ROOT)});
            }
        }
        Statements.batch(jdbc, "INSERT INTO article_category (article_id, ordinal, category_slug) VALUES (?, ?, ?)", categories);
        Statements.batch(jdbc, "INSERT INTO article_tag (article_id, ordinal, tag, tag_key) VALUES (?, ?, ?, ?)", tags);
    }

    /** The images of an input as they are stored. */
    public static List<ArticleImage> images(ArticleInput in) {
        return in.images().stream().map(i -> new ArticleImage(i.url(), i.mimeType(), i.width(), i.height(), i.length(),
                i.caption(), i.credit(), i.alt(), i.copyright(), i.license(), i.renditions())).toList();
    }

    /** The authors of an input as they are stored. */
    public static List<ArticleAuthor> authors(ArticleInput in) {
        return in.authors().stream().map(a -> new ArticleAuthor(a.name(), a.url())).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
