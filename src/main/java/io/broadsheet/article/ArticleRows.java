package io.broadsheet.article;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.broadsheet.storage.Statements;
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
 * Writes article rows and their children with JDBC batches: one statement per table for any number of
 * articles, in the caller's transaction. What {@link ArticleStore} uses for a single write and an import chunk alike.
 */
@Singleton
class ArticleRows {

    private static final List<String> CHILD_TABLES = List.of("article_image", "article_author", "article_category",
            "article_tag");

    private final JdbcOperations jdbc;

    ArticleRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts new articles (version 0, created and updated at {@code now}); returns their ids in order. */
    List<Long> insert(List<ArticleInput> inputs, Instant now) {
        Connection connection = jdbc.getConnection();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO article (slug, title, summary, body, url,"
                + " language, published_at, created_at, updated_at, version, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                new String[]{"id"})) {
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            for (ArticleInput in : inputs) {
                Statements.bind(ps, in.slug(), in.title(), in.summary(), in.body(), in.url(), in.language(),
                        in.publishedAt().atOffset(ZoneOffset.UTC), at, at, utc(in.expiresAt()));
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
    void insertKept(List<ArticleInput> inputs, List<ServerFields> kept) {
        List<Object[]> rows = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ArticleInput in = inputs.get(i);
            ServerFields k = kept.get(i);
            rows.add(new Object[]{k.id(), in.slug(), in.title(), in.summary(), in.body(), in.url(), in.language(),
                    in.publishedAt().atOffset(ZoneOffset.UTC), k.createdAt().atOffset(ZoneOffset.UTC),
                    k.updatedAt().atOffset(ZoneOffset.UTC), k.version(), utc(in.expiresAt()), utc(k.withdrawnAt()),
                    k.withdrawnReason(), k.corrections()});
        }
        Statements.batch(jdbc, "INSERT INTO article (id, slug, title, summary, body, url, language, published_at, created_at,"
                + " updated_at, version, expires_at, withdrawn_at, withdrawn_reason, corrections)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Replaces articles whose version is still {@code versions[i]}; returns how many rows each update changed
     * (0 when the article changed meanwhile).
     */
    int[] replace(List<Long> ids, List<Long> versions, List<ArticleInput> inputs, List<String> corrections,
                  Instant now) {
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (int i = 0; i < ids.size(); i++) {
            ArticleInput in = inputs.get(i);
            rows.add(new Object[]{in.slug(), in.title(), in.summary(), in.body(), in.url(), in.language(),
                    in.publishedAt().atOffset(ZoneOffset.UTC), utc(in.expiresAt()), corrections.get(i), at, ids.get(i),
                    versions.get(i)});
        }
        return Statements.batch(jdbc, "UPDATE article SET slug = ?, title = ?, summary = ?, body = ?, url = ?, language = ?,"
                + " published_at = ?, expires_at = ?, corrections = ?, updated_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ?", rows);
    }

    /**
     * Withdraws (a reason) or restores (null) the article if it is still at {@code version}: a new version updated at
     * {@code now}, withdrawn at {@code withdrawnAt}. False when it changed meanwhile.
     */
    boolean setWithdrawn(long id, long version, Instant withdrawnAt, String reason, Instant now) {
        return jdbc.prepareStatement("UPDATE article SET withdrawn_at = ?, withdrawn_reason = ?, updated_at = ?,"
                + " version = version + 1 WHERE id = ? AND version = ?", ps -> {
            Statements.bind(ps, utc(withdrawnAt), reason, now.atOffset(ZoneOffset.UTC), id, version);
            return ps.executeUpdate() == 1;
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Removes the images, authors, categories and tags of these articles. */
    void deleteChildren(List<Long> ids) {
        List<Object[]> rows = ids.stream().map(id -> new Object[]{id}).toList();
        for (String table : CHILD_TABLES) {
            Statements.batch(jdbc, "DELETE FROM " + table + " WHERE article_id = ?", rows);
        }
    }

    /** Inserts the images, authors, categories and tags of {@code inputs[i]} under {@code ids[i]}. */
    void insertChildren(List<Long> ids, List<ArticleInput> inputs) {
        List<Object[]> images = new ArrayList<>();
        List<Object[]> authors = new ArrayList<>();
        List<Object[]> categories = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        for (int a = 0; a < ids.size(); a++) {
            long id = ids.get(a);
            ArticleInput in = inputs.get(a);
            for (int i = 0; i < in.images().size(); i++) {
                ArticleInput.Image img = in.images().get(i);
                images.add(new Object[]{id, i, img.url(), img.mimeType(), img.width(), img.height(), img.length(),
                        img.caption(), img.credit(), img.alt(), img.copyright(), img.license(),
                        ArticleImage.Rendition.encode(img.renditions())});
            }
            for (int i = 0; i < in.authors().size(); i++) {
                authors.add(new Object[]{id, i, in.authors().get(i).name(), in.authors().get(i).url()});
            }
            for (int i = 0; i < in.categories().size(); i++) {
                categories.add(new Object[]{id, i, in.categories().get(i)});
            }
            for (int i = 0; i < in.tags().size(); i++) {
                tags.add(new Object[]{id, i, in.tags().get(i), in.tags().get(i).toLowerCase(Locale.ROOT)});
            }
        }
        Statements.batch(jdbc, "INSERT INTO article_image (article_id, ordinal, url, mime_type, width, height, file_size, caption,"
                + " credit, alt, copyright, license, renditions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", images);
        Statements.batch(jdbc, "INSERT INTO article_author (article_id, ordinal, name, url) VALUES (?, ?, ?, ?)", authors);
        Statements.batch(jdbc, "INSERT INTO article_category (article_id, ordinal, category_slug) VALUES (?, ?, ?)", categories);
        Statements.batch(jdbc, "INSERT INTO article_tag (article_id, ordinal, tag, tag_key) VALUES (?, ?, ?, ?)", tags);
    }
}
