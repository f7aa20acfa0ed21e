package io.broadsheet.article;

import io.broadsheet.article.model.Article;
import io.broadsheet.article.model.ArticleInput;
import io.broadsheet.article.model.ArticleSelection;
import io.broadsheet.article.model.ArticleStamp;
import io.broadsheet.article.model.Correction;
import io.broadsheet.article.model.ServerFields;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.category.CategoryService;
import io.broadsheet.storage.ArticleQueries;
import io.broadsheet.storage.ArticleRows;
import io.broadsheet.storage.Identities;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes articles with their children, each write in one transaction; the SQL is
 * {@link ArticleQueries}' and {@link ArticleRows}'. Each read runs on one snapshot ({@link Snapshot}), so an article
 * and its children always come from the same version.
 */
@Singleton
public class ArticleStore {

    private final ArticleQueries queries;
    private final ArticleRows rows;
    private final CategoryService categoryService;
    private final Identities identities;

    ArticleStore(ArticleQueries queries, ArticleRows rows, CategoryService categoryService, Identities identities) {
        this.queries = queries;
        this.rows = rows;
        this.categoryService = categoryService;
        this.identities = identities;
    }

    @Snapshot
    public Optional<StoredArticle> findBySlug(String slug) {
        return first(queries.byIds(queries.idsBySlugs(List.of(slug), false)));
    }

    /**
     * The article at {@code slug}, its row locked until the caller's transaction ends: every writer locks an article's
     * row before it touches its children, so what this reads is the version the caller's write replaces, and no
     * other writer can move it meanwhile.
     */
    @Transactional
    public Optional<StoredArticle> lockBySlug(String slug) {
        return first(queries.byIds(queries.idsBySlugs(List.of(slug), true)));
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
        Map<String, StoredArticle> bySlug = new HashMap<>();
        queries.byIds(queries.idsBySlugs(slugs, true)).forEach(a -> bySlug.put(a.article().slug(), a));
        return bySlug;
    }

    @Snapshot
    public Optional<StoredArticle> findById(long id) {
        return first(queries.byIds(List.of(id)));
    }

    /** The articles with these ids, in the order given (missing ids are left out), with their children. */
    @Snapshot
    public List<StoredArticle> findByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return queries.byIds(ids);
    }

    /** The stamps of the articles with these ids, in the order given (missing ids are left out). */
    @Snapshot
    public List<ArticleStamp> stamps(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return queries.stamps(ids);
    }

    /** Inserts a new article; the slug's uniqueness is enforced by the database. */
    @Transactional
    public StoredArticle insert(ArticleInput in, Instant now) {
        categoryService.ensureExist(in.categories());
        List<Long> ids = rows.insert(List.of(in), now);
        rows.insertLinks(ids, List.of(in));
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
        rows.insertLinks(ids, inputs);
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
        rows.insertLinks(ids, inputs);
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
                List.of(correctionsAfter(current, in, now)), now)[0] == 0) {
            return Optional.empty();
        }
        categoryService.ensureExist(in.categories());
        rows.deleteLinks(List.of(current.id()));
        rows.insertLinks(List.of(current.id()), List.of(in));
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
        List<List<Correction>> corrections = new ArrayList<>(inputs.size());
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
        rows.deleteLinks(ids);
        rows.insertLinks(ids, inputs);
        List<StoredArticle> stored = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Article before = current.get(i).article();
            stored.add(stored(before.id(), inputs.get(i), before.createdAt(), now, before.version() + 1,
                    before.withdrawnAt(), before.withdrawnReason(), corrections.get(i)));
        }
        return stored;
    }

    /** The corrections after {@code in} replaced {@code current}: its notice added, if it has one. */
    private static List<Correction> correctionsAfter(Article current, ArticleInput in, Instant now) {
        if (in.correction() == null) {
            return current.corrections();
        }
        List<Correction> corrections = new ArrayList<>(current.corrections());
        corrections.add(new Correction(now, in.correction()));
        return corrections;
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
        return queries.dueExpiries(now);
    }

    /** Forgets the article's expiries that fell due by {@code now}. */
    @Transactional
    public void dropDueExpiry(long id, Instant now) {
        rows.dropDueExpiry(id, now);
    }

    /** An article as {@link ArticleRows} stored it from {@code in}. */
    private static StoredArticle stored(long id, ArticleInput in, Instant created, Instant updated, long version,
                                        Instant withdrawnAt, String withdrawnReason, List<Correction> corrections) {
        return new StoredArticle(new Article(id, in.slug(), in.title(), in.summary(), in.body(), in.url(),
                in.language(), in.publishedAt(), created, updated, version, in.expiresAt(), withdrawnAt, withdrawnReason,
                corrections), ArticleRows.images(in), ArticleRows.authors(in), in.categories(), in.tags());
    }

    /**
     * Deletes the article and its children if it is still at {@code version}; false when it changed or went
     * meanwhile (the caller then reads it again).
     */
    @Transactional
    public boolean delete(Article article) {
        return rows.delete(article.id(), article.version());
    }

    /** The newest matching articles first (by publication, then id), with their children. */
    @Snapshot
    public List<StoredArticle> findNewest(ArticleSelection selection, int limit, long offset) {
        return queries.byIds(queries.newestIds(selection, limit, offset));
    }

    /**
     * How many articles match: for a selection by tags, a count over those tags' rows (it grows with the tags'
     * articles, not with the archive); callers count categories and the whole archive from {@code feed_count}.
     */
    @Snapshot
    public long count(ArticleSelection selection) {
        return queries.count(selection);
    }

    /**
     * Up to {@code limit} articles whose ids come after {@code afterId}, by id, with their children: one page of a
     * walk through the whole archive that reads a range of the primary key, however deep it is.
     */
    @Snapshot
    public List<StoredArticle> findAfter(long afterId, int limit) {
        return queries.after(afterId, limit);
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
        return queries.isEmpty();
    }

    private static Optional<StoredArticle> first(List<StoredArticle> found) {
        return found.stream().findFirst();
    }
}
