package io.broadsheet.article;

import io.broadsheet.article.ArticleRepositories.ArticleRepository;
import io.broadsheet.article.ArticleRepositories.AuthorRepository;
import io.broadsheet.article.ArticleRepositories.CategoryLinkRepository;
import io.broadsheet.article.ArticleRepositories.ImageRepository;
import io.broadsheet.article.ArticleRepositories.TagRepository;
import io.broadsheet.category.CategoryService;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and writes articles with their children, each write in one transaction.
 * Loading any number of articles costs one query per table, never one per article; each read runs on one
 * snapshot ({@link Snapshot}), so an article and its children always come from the same version.
 */
@Singleton
public class ArticleStore {

    private final ArticleRepository articles;
    private final ImageRepository images;
    private final AuthorRepository authors;
    private final CategoryLinkRepository categoryLinks;
    private final TagRepository tags;
    private final CategoryService categoryService;
    private final JdbcOperations jdbc;

    ArticleStore(ArticleRepository articles, ImageRepository images, AuthorRepository authors,
                 CategoryLinkRepository categoryLinks, TagRepository tags, CategoryService categoryService,
                 JdbcOperations jdbc) {
        this.articles = articles;
        this.images = images;
        this.authors = authors;
        this.categoryLinks = categoryLinks;
        this.tags = tags;
        this.categoryService = categoryService;
        this.jdbc = jdbc;
    }

    @Snapshot
    public Optional<StoredArticle> findBySlug(String slug) {
        return articles.findBySlug(slug).map(a -> load(List.of(a)).get(0));
    }

    @Snapshot
    public Optional<StoredArticle> findById(long id) {
        return articles.findById(id).map(a -> load(List.of(a)).get(0));
    }

    /** Articles whose embargo has yet to lift. */
    @Snapshot
    public List<StoredArticle> findPublishedAfter(Instant instant) {
        List<Article> found = articles.findByPublishedAtGreaterThan(instant);
        return found.isEmpty() ? List.of() : load(found);
    }

    /** Inserts a new article; the slug's uniqueness is enforced by the database. */
    @Transactional
    public StoredArticle insert(ArticleInput in, Instant now) {
        Article saved = articles.save(new Article(null, in.slug(), in.title(), in.summary(), in.body(), in.url(),
                in.language(), in.publishedAt(), now, now, 0L));
        saveChildren(saved.id(), in);
        return load(List.of(saved)).get(0);
    }

    /** Replaces the article {@code current} with {@code in} (possibly under a new slug); false when stale. */
    @Transactional
    public Optional<StoredArticle> replace(Article current, ArticleInput in, Instant now) {
        int updated = articles.replace(current.id(), current.version(), in.slug(), in.title(), in.summary(),
                in.body(), in.url(), in.language(), in.publishedAt(), now);
        if (updated == 0) {
            return Optional.empty();
        }
        images.deleteByArticleId(current.id());
        authors.deleteByArticleId(current.id());
        categoryLinks.deleteByArticleId(current.id());
        tags.deleteByArticleId(current.id());
        saveChildren(current.id(), in);
        return Optional.of(load(List.of(articles.findById(current.id()).orElseThrow())).get(0));
    }

    /** Deletes an article and its children; false when no article has the slug. */
    @Transactional
    public boolean delete(String slug) {
        Optional<Article> article = articles.findBySlug(slug);
        article.ifPresent(articles::delete);
        return article.isPresent();
    }

    /** The newest matching articles first (by publication, then id), with their children. */
    @Snapshot
    public List<StoredArticle> findNewest(ArticleSelection selection, int limit, long offset) {
        List<Long> ids = selectIds(selection, limit, offset);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> rank = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            rank.put(ids.get(i), i);
        }
        List<Article> found = new ArrayList<>(articles.findByIdIn(ids));
        found.sort(Comparator.comparing(a -> rank.get(a.id())));
        return load(found);
    }

    @Snapshot
    public long count(ArticleSelection selection) {
        List<Object> params = new ArrayList<>();
        String where = where(selection, params);
        return jdbc.prepareStatement("SELECT COUNT(*) FROM article a" + where, ps -> {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * What a feed's validators and cache need, in one query: how many articles are visible at {@code now},
     * the latest publication or update among them, and the next embargo to lift.
     */
    public record Stats(long visible, Instant newestChange, Instant nextRelease) {
    }

    @Snapshot
    public Stats stats(ArticleSelection selection, Instant now) {
        List<Object> params = new ArrayList<>();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        params.add(at);
        params.add(at);
        params.add(at);
        String sql = "SELECT COUNT(CASE WHEN a.published_at <= ? THEN 1 END),"
                + " MAX(CASE WHEN a.published_at <= ? THEN GREATEST(a.published_at, a.updated_at) END),"
                + " MIN(CASE WHEN a.published_at > ? THEN a.published_at END)"
                + " FROM article a" + where(new ArticleSelection(selection.categories(), selection.tags(), null), params);
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime newest = rs.getObject(2, OffsetDateTime.class);
                OffsetDateTime next = rs.getObject(3, OffsetDateTime.class);
                return new Stats(rs.getLong(1), newest == null ? null : newest.toInstant(),
                        next == null ? null : next.toInstant());
            }
        });
    }

    @Snapshot
    public boolean isEmpty() {
        return articles.count() == 0;
    }

    private void saveChildren(long articleId, ArticleInput in) {
        categoryService.ensureExist(in.categories());
        List<ArticleImage> imageRows = new ArrayList<>();
        for (int i = 0; i < in.images().size(); i++) {
            ArticleInput.Image img = in.images().get(i);
            imageRows.add(new ArticleImage(null, articleId, i, img.url(), img.mimeType(), img.width(), img.height(),
                    img.length(), img.caption(), img.credit(), img.alt()));
        }
        images.saveAll(imageRows);
        List<ArticleAuthor> authorRows = new ArrayList<>();
        for (int i = 0; i < in.authors().size(); i++) {
            authorRows.add(new ArticleAuthor(null, articleId, i, in.authors().get(i).name(), in.authors().get(i).url()));
        }
        authors.saveAll(authorRows);
        List<ArticleCategory> categoryRows = new ArrayList<>();
        for (int i = 0; i < in.categories().size(); i++) {
            categoryRows.add(new ArticleCategory(null, articleId, i, in.categories().get(i)));
        }
        categoryLinks.saveAll(categoryRows);
        List<ArticleTag> tagRows = new ArrayList<>();
        for (int i = 0; i < in.tags().size(); i++) {
            String tag = in.tags().get(i);
            tagRows.add(new ArticleTag(null, articleId, i, tag, tag.toLowerCase(Locale.ROOT)));
        }
        tags.saveAll(tagRows);
    }

    private List<StoredArticle> load(List<Article> found) {
        List<Long> ids = found.stream().map(Article::id).toList();
        Map<Long, List<ArticleImage>> imagesById = group(images.findByArticleIdInOrderByOrdinal(ids),
                ArticleImage::articleId, Function.identity());
        Map<Long, List<ArticleAuthor>> authorsById = group(authors.findByArticleIdInOrderByOrdinal(ids),
                ArticleAuthor::articleId, Function.identity());
        Map<Long, List<String>> categoriesById = group(categoryLinks.findByArticleIdInOrderByOrdinal(ids),
                ArticleCategory::articleId, ArticleCategory::categorySlug);
        Map<Long, List<String>> tagsById = group(tags.findByArticleIdInOrderByOrdinal(ids),
                ArticleTag::articleId, ArticleTag::tag);
        return found.stream().map(a -> new StoredArticle(a,
                imagesById.getOrDefault(a.id(), List.of()),
                authorsById.getOrDefault(a.id(), List.of()),
                categoriesById.getOrDefault(a.id(), List.of()),
                tagsById.getOrDefault(a.id(), List.of()))).toList();
    }

    private static <R, V> Map<Long, List<V>> group(Collection<R> rows, Function<R, Long> key, Function<R, V> value) {
        return rows.stream().collect(Collectors.groupingBy(key, Collectors.mapping(value, Collectors.toList())));
    }

    private List<Long> selectIds(ArticleSelection selection, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT a.id FROM article a" + where(selection, params)
                + " ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    private static String where(ArticleSelection selection, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (selection.publishedBy() != null) {
            clauses.add("a.published_at <= ?");
            params.add(selection.publishedBy().atOffset(ZoneOffset.UTC));
        }
        if (selection.changedAfter() != null) {
            clauses.add("(a.published_at > ? OR a.updated_at > ?)");
            params.add(selection.changedAfter().atOffset(ZoneOffset.UTC));
            params.add(selection.changedAfter().atOffset(ZoneOffset.UTC));
        }
        if (!selection.categories().isEmpty()) {
            clauses.add("EXISTS (SELECT 1 FROM article_category c WHERE c.article_id = a.id AND c.category_slug IN ("
                    + placeholders(selection.categories().size()) + "))");
            params.addAll(selection.categories());
        }
        if (!selection.tags().isEmpty()) {
            clauses.add("EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ("
                    + placeholders(selection.tags().size()) + "))");
            params.addAll(selection.tags());
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
