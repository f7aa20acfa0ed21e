package io.broadsheet.article;

import io.broadsheet.article.ArticleRepositories.ArticleRepository;
import io.broadsheet.article.ArticleRepositories.AuthorRepository;
import io.broadsheet.article.ArticleRepositories.CategoryLinkRepository;
import io.broadsheet.article.ArticleRepositories.ImageRepository;
import io.broadsheet.article.ArticleRepositories.TagRepository;
import io.broadsheet.category.CategoryService;
import io.broadsheet.storage.Identities;
import io.broadsheet.storage.Statements;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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

    /** The articles after an id, by id: what {@link #findAfter} reads (a range of the primary key, never a sort). */
    public static final String AFTER_ID_SQL = "SELECT * FROM article WHERE id > :afterId ORDER BY id LIMIT :limit";
    /** The live articles whose usage window ended by now: a range of article_expiry's primary key. */
    public static final String DUE_EXPIRIES_SQL = "SELECT article_id FROM article_expiry WHERE expires_at <= ?"
            + " ORDER BY expires_at, article_id LIMIT " + ArticleService.EXPIRY_CHUNK;

    private final ArticleRepository articles;
    private final ImageRepository images;
    private final AuthorRepository authors;
    private final CategoryLinkRepository categoryLinks;
    private final TagRepository tags;
    private final CategoryService categoryService;
    private final ArticleRows rows;
    private final JdbcOperations jdbc;
    private final Identities identities;

    ArticleStore(ArticleRepository articles, ImageRepository images, AuthorRepository authors,
                 CategoryLinkRepository categoryLinks, TagRepository tags, CategoryService categoryService,
                 ArticleRows rows, JdbcOperations jdbc, Identities identities) {
        this.identities = identities;
        this.rows = rows;
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

    /**
     * The article at {@code slug}, its row locked until the caller's transaction ends: every writer locks an article's
     * row before it touches its children, so what this reads is the version the caller's write replaces, and no
     * other writer can move it meanwhile.
     */
    @Transactional
    public Optional<StoredArticle> lockBySlug(String slug) {
        List<Long> ids = Statements.longs(jdbc, "SELECT id FROM article WHERE slug = ? FOR UPDATE", slug);
        return ids.isEmpty() ? Optional.empty() : findById(ids.get(0));
    }

    /**
     * The articles that have these slugs, by slug, their rows locked in id order until the caller's transaction ends:
     * what an import chunk replaces, read as {@link #lockBySlug} reads one (and in one order, so that two chunks
     * sharing articles wait for each other rather than deadlock).
     */
    @Transactional
    public Map<String, StoredArticle> lockBySlugs(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = Statements.longs(jdbc, "SELECT id FROM article WHERE slug IN ("
                + Statements.placeholders(slugs.size()) + ") ORDER BY id FOR UPDATE", slugs.toArray());
        Map<String, StoredArticle> bySlug = new HashMap<>();
        findByIds(ids).forEach(a -> bySlug.put(a.article().slug(), a));
        return bySlug;
    }

    @Snapshot
    public Optional<StoredArticle> findById(long id) {
        return articles.findById(id).map(a -> load(List.of(a)).get(0));
    }

    /** The articles with these ids, in the order given (missing ids are left out), with their children. */
    @Snapshot
    public List<StoredArticle> findByIds(List<Long> ids) {
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

    /** What tells one version of an article from another, and when it last changed. */
    public record Stamp(long id, long version, Instant publishedAt, Instant updatedAt) {
    }

    /** The stamps of the articles with these ids, in the order given (missing ids are left out). */
    @Snapshot
    public List<Stamp> stamps(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Stamp> byId = jdbc.prepareStatement("SELECT id, version, published_at, updated_at FROM article WHERE id IN ("
                + Statements.placeholders(ids.size()) + ")", ps -> {
            Statements.bind(ps, ids.toArray());
            Map<Long, Stamp> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new Stamp(rs.getLong(1), rs.getLong(2),
                            rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                            rs.getObject(4, java.time.OffsetDateTime.class).toInstant()));
                }
            }
            return found;
        });
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Inserts a new article; the slug's uniqueness is enforced by the database. */
    @Transactional
    public StoredArticle insert(ArticleInput in, Instant now) {
        categoryService.ensureExist(in.categories());
        List<Long> ids = rows.insert(List.of(in), now);
        rows.insertChildren(ids, List.of(in));
        return findById(ids.get(0)).orElseThrow();
    }

    /**
     * Inserts new articles with one batch per table; returns them as stored, in order. The caller's
     * transaction makes it all or nothing.
     */
    @Transactional
    public List<StoredArticle> insertAll(List<ArticleInput> inputs, Instant now) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        categoryService.ensureExist(inputs.stream().flatMap(in -> in.categories().stream()).distinct().toList());
        List<Long> ids = rows.insert(inputs, now);
        rows.insertChildren(ids, inputs);
        List<StoredArticle> stored = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            stored.add(stored(ids.get(i), inputs.get(i), now, now, 0, null, null, null));
        }
        return stored;
    }

    /**
     * Inserts articles under the ids, times and versions they had in another installation, with one batch per
     * table; returns them as stored, in order. The caller's transaction makes it all or nothing.
     */
    @Transactional
    public List<StoredArticle> insertAllKept(List<ArticleInput> inputs, List<ServerFields> kept) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        categoryService.ensureExist(inputs.stream().flatMap(in -> in.categories().stream()).distinct().toList());
        rows.insertKept(inputs, kept);
        List<Long> ids = kept.stream().map(ServerFields::id).toList();
        rows.insertChildren(ids, inputs);
        List<StoredArticle> stored = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ServerFields k = kept.get(i);
            stored.add(stored(k.id(), inputs.get(i), k.createdAt(), k.updatedAt(), k.version(), k.withdrawnAt(),
                    k.withdrawnReason(), k.corrections()));
        }
        return stored;
    }

    /**
     * Replaces the article {@code current} with {@code in} (possibly under a new slug), adding its correction notice
     * if it carries one; empty when stale. A withdrawn article stays withdrawn.
     */
    @Transactional
    public Optional<StoredArticle> replace(Article current, ArticleInput in, Instant now) {
        if (rows.replace(List.of(current.id()), List.of(current.version()), List.of(in),
                java.util.Collections.singletonList(correctionsAfter(current, in, now)), now)[0] == 0) {
            return Optional.empty();
        }
        categoryService.ensureExist(in.categories());
        rows.deleteChildren(List.of(current.id()));
        rows.insertChildren(List.of(current.id()), List.of(in));
        return findById(current.id());
    }

    /**
     * Replaces each of {@code current} with the input at the same position, with one batch per table; throws
     * {@link StaleArticleException} when one changed meanwhile (the caller's transaction then rolls back).
     */
    @Transactional
    public List<StoredArticle> replaceAll(List<StoredArticle> current, List<ArticleInput> inputs, Instant now) {
        if (current.isEmpty()) {
            return List.of();
        }
        List<Long> ids = current.stream().map(a -> a.article().id()).toList();
        List<String> corrections = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            corrections.add(correctionsAfter(current.get(i).article(), inputs.get(i), now));
        }
        int[] updated = rows.replace(ids, current.stream().map(a -> a.article().version()).toList(), inputs,
                corrections, now);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                throw new StaleArticleException(current.get(i).article().slug(), null);
            }
        }
        categoryService.ensureExist(inputs.stream().flatMap(in -> in.categories().stream()).distinct().toList());
        rows.deleteChildren(ids);
        rows.insertChildren(ids, inputs);
        List<StoredArticle> stored = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Article before = current.get(i).article();
            stored.add(stored(before.id(), inputs.get(i), before.createdAt(), now, before.version() + 1,
                    before.withdrawnAt(), before.withdrawnReason(), corrections.get(i)));
        }
        return stored;
    }

    /** The corrections column after {@code in} replaced {@code current}: its notice added, if it has one. */
    private static String correctionsAfter(Article current, ArticleInput in, Instant now) {
        if (in.correction() == null) {
            return current.corrections();
        }
        List<Correction> corrections = new ArrayList<>(Correction.decode(current.corrections()));
        corrections.add(new Correction(now, in.correction()));
        return Correction.encode(corrections);
    }

    /**
     * Withdraws the article with a reason, as of {@code withdrawnAt}, or restores it ({@code reason} null), if it is
     * still at its version; empty when it changed meanwhile.
     */
    @Transactional
    public Optional<StoredArticle> setWithdrawn(Article current, Instant withdrawnAt, String reason, Instant now) {
        if (!rows.setWithdrawn(current.id(), current.version(), withdrawnAt, reason, now)) {
            return Optional.empty();
        }
        return findById(current.id());
    }

    /** The ids of the live articles whose usage window ended by {@code now}, soonest first, a chunk of them. */
    @Snapshot
    public List<Long> dueExpiries(Instant now) {
        return Statements.longs(jdbc, DUE_EXPIRIES_SQL, now.atOffset(ZoneOffset.UTC));
    }

    /** Forgets the article's expiries that fell due by {@code now}. */
    @Transactional
    public void dropDueExpiry(long id, Instant now) {
        jdbc.prepareStatement("DELETE FROM article_expiry WHERE expires_at <= ? AND article_id = ?", ps -> {
            Statements.bind(ps, now.atOffset(ZoneOffset.UTC), id);
            return ps.executeUpdate();
        });
    }

    /** An article as {@link ArticleRows} stored it from {@code in}. */
    private static StoredArticle stored(long id, ArticleInput in, Instant created, Instant updated, long version,
                                        Instant withdrawnAt, String withdrawnReason, String corrections) {
        List<ArticleImage> images = new ArrayList<>();
        for (int i = 0; i < in.images().size(); i++) {
            ArticleInput.Image img = in.images().get(i);
            images.add(new ArticleImage(null, id, i, img.url(), img.mimeType(), img.width(), img.height(),
                    img.length(), img.caption(), img.credit(), img.alt(), img.copyright(), img.license(),
                    ArticleImage.Rendition.encode(img.renditions())));
        }
        List<ArticleAuthor> authors = new ArrayList<>();
        for (int i = 0; i < in.authors().size(); i++) {
            authors.add(new ArticleAuthor(null, id, i, in.authors().get(i).name(), in.authors().get(i).url()));
        }
        return new StoredArticle(new Article(id, in.slug(), in.title(), in.summary(), in.body(), in.url(),
                in.language(), in.publishedAt(), created, updated, version, in.expiresAt(), withdrawnAt, withdrawnReason,
                corrections), images, authors, in.categories(), in.tags());
    }

    /**
     * Deletes the article and its children if it is still at {@code version}; false when it changed or went
     * meanwhile (the caller then reads it again).
     */
    @Transactional
    public boolean delete(Article article) {
        return jdbc.prepareStatement("DELETE FROM article WHERE id = ? AND version = ?", ps -> {
            ps.setLong(1, article.id());
            ps.setLong(2, article.version());
            return ps.executeUpdate() == 1;
        });
    }

    /** The newest matching articles first (by publication, then id), with their children. */
    @Snapshot
    public List<StoredArticle> findNewest(ArticleSelection selection, int limit, long offset) {
        return findByIds(selectIds(selection, limit, offset));
    }

    /**
     * How many articles match: for a selection by tags, a count over those tags' rows (it grows with the tags'
     * articles, not with the archive); callers count categories and the whole archive from {@code feed_count}.
     */
    @Snapshot
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
        return jdbc.prepareStatement(sql, ps -> {
            Statements.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Up to {@code limit} articles whose ids come after {@code afterId}, by id, with their children: one page of a
     * walk through the whole archive that reads a range of the primary key, however deep it is.
     */
    @Snapshot
    public List<StoredArticle> findAfter(long afterId, int limit) {
        return load(articles.findAfter(afterId, limit));
    }

    /** The id the next new article gets: past every id ever handed out, deleted articles' included. */
    public long nextId() {
        return identities.next("article");
    }

    /**
     * New articles get ids from {@code atLeast} on, and past every stored one (after {@link #insertAllKept}, which
     * does not move the identity); never lower than before. Returns the next id.
     */
    public long continueIdsFrom(long atLeast) {
        return identities.continuePast("article", atLeast);
    }

    @Snapshot
    public boolean isEmpty() {
        return articles.findFirstByIdGreaterThan(0L).isEmpty();
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
        return Statements.longs(jdbc, sql, params.toArray());
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
}
