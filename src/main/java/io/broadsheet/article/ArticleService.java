package io.broadsheet.article;

import io.broadsheet.article.model.Article;
import io.broadsheet.article.model.ArticleInput;
import io.broadsheet.article.model.ArticleSelection;
import io.broadsheet.article.model.ServerFields;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.storage.ArticleQueries;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The article use cases behind the API: sanitise, store, replace, rename, delete, list.
 * Input arrives checked by {@link ArticleParser}; failures are domain exceptions.
 */
@Singleton
public class ArticleService {

    /** Most expired articles one transaction withdraws (a whole agency's content may end at one instant). */
    public static final int EXPIRY_CHUNK = ArticleQueries.EXPIRY_CHUNK;
    /** The reason of a withdrawal at the end of an article's usage window. */
    public static final String EXPIRED = "expired";
    /** SQLSTATE of a unique-constraint violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final ArticleStore store;
    private final StoredForm storedForm;
    private final Clock clock;
    private final ApplicationEventPublisher<ArticlesChanged> events;

    public ArticleService(ArticleStore store, StoredForm storedForm, Clock clock,
                          ApplicationEventPublisher<ArticlesChanged> events) {
        this.store = store;
        this.storedForm = storedForm;
        this.clock = clock;
        this.events = events;
    }

    /** Whether a write created the article or replaced it, and whether it changed anything. */
    public record Written(StoredArticle article, boolean created, boolean changed) {
    }

    /** A page of a listing. */
    public record Page(List<StoredArticle> items, long total) {
    }

    public Optional<StoredArticle> find(String slug) {
        return store.findBySlug(slug);
    }

    /** Stores a new article; {@link SlugConflictException} when the slug is taken. */
    @Transactional
    public StoredArticle create(ArticleInput in) {
        ArticleInput clean = storedForm.of(in);
        try {
            Instant now = now();
            checkNew(clean, now);
            StoredArticle created = store.insert(clean, now);
            events.publishEvent(ArticlesChanged.of(null, created, now));
            return created;
        } catch (DataAccessException e) {
            throw translate(e, clean.slug());
        }
    }

    /**
     * Creates or replaces the article at {@code slug}. A body naming another slug renames the article
     * (its id, and so its feed item id, stays). {@code ifMatch} (an ETag, {@code *} or null) guards the write.
     */
    @Transactional
    public Written put(String slug, ArticleInput in, String ifMatch) {
        ArticleInput clean = storedForm.of(in);
        Optional<StoredArticle> current = store.lockBySlug(slug);
        if (current.isEmpty()) {
            if (ifMatch != null) {
                throw new StaleArticleException(slug, null);
            }
            if (!slug.equals(clean.slug())) {
                throw InvalidInputException.of("slug", "differs from the path '" + slug
                        + "'; renaming needs an existing article, and there is none at this path");
            }
            return new Written(create(clean), true, true);
        }
        StoredArticle existing = current.get();
        if (ifMatch != null && !matches(ifMatch, existing.etag())) {
            throw new StaleArticleException(slug, existing.etag());
        }
        if (unchanged(existing, clean)) {
            return new Written(existing, false, false); // nothing a reader sees changes: no new version, no new date
        }
        try {
            Instant now = now();
            checkReplacing(existing, clean, now);
            StoredArticle replaced = locked(store.replace(existing.article(), clean, now), slug);
            events.publishEvent(ArticlesChanged.of(existing, replaced, now));
            return new Written(replaced, false, true);
        } catch (DataAccessException e) {
            throw translate(e, clean.slug());
        }
    }

    /** Replaces by slug when the article exists, creates it otherwise: what a bulk import does per line. */
    @Transactional
    public Written upsert(ArticleInput in) {
        return put(in.slug(), in, null);
    }

    /**
     * An article whose body went through the sanitiser: what {@link #writeChunk} and {@link #insertKept} take.
     * {@code kept} holds the server's fields an import with preserve-ids keeps, or null.
     */
    public static final class Sanitised {

        private final ArticleInput input;
        private final ServerFields kept;

        private Sanitised(ArticleInput input, ServerFields kept) {
            this.input = input;
            this.kept = kept;
        }

        public ArticleInput input() {
            return input;
        }

        public ServerFields kept() {
            return kept;
        }
    }

    /**
     * Brings the input to its {@link StoredForm} ahead of {@link #writeChunk}, outside its transaction (an import does
     * it on another thread); {@link io.broadsheet.input.InvalidInputException} for a category named like a feed.
     */
    public Sanitised sanitise(ArticleInput in) {
        return new Sanitised(storedForm.of(in), null);
    }

    /** The same for an article that keeps its id, times and version, ahead of {@link #insertKept}. */
    public Sanitised sanitise(ArticleParser.Kept in) {
        return new Sanitised(storedForm.of(in.input()), in.fields());
    }

    /** What a chunk of an import did; {@code unchanged}: lines that matched the stored article exactly. */
    public record ChunkWritten(int created, int updated, int unchanged) {
    }

    /**
     * Creates or replaces, by slug, each of {@code inputs} (whose slugs are distinct) in one transaction with
     * one batch per table: all of them or, when anything fails, none.
     */
    @Transactional
    public ChunkWritten writeChunk(List<Sanitised> inputs) {
        List<ArticleInput> clean = inputs.stream().map(Sanitised::input).toList();
        // the rows are locked before any category is created: the order every single write takes its locks in
        Map<String, StoredArticle> existing = store.lockBySlugs(clean.stream().map(ArticleInput::slug).toList());
        List<ArticleInput> fresh = new ArrayList<>();
        List<ArticleInput> replacing = new ArrayList<>();
        List<StoredArticle> replaced = new ArrayList<>();
        Instant now = now();
        int unchanged = 0;
        for (ArticleInput in : clean) {
            StoredArticle current = existing.get(in.slug());
            if (current == null) {
                checkNew(in, now);
                fresh.add(in);
            } else if (unchanged(current, in)) {
                unchanged++;
            } else {
                checkReplacing(current, in, now);
                replacing.add(in);
                replaced.add(current);
            }
        }
        List<ArticlesChanged.Change> changes = new ArrayList<>(clean.size());
        store.insertAll(fresh, now).forEach(a -> changes.add(new ArticlesChanged.Change(null, a)));
        List<StoredArticle> after = store.replaceAll(replaced, replacing, now);
        for (int i = 0; i < after.size(); i++) {
            changes.add(new ArticlesChanged.Change(replaced.get(i), after.get(i)));
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new ArticlesChanged(changes, now));
        }
        return new ChunkWritten(fresh.size(), replacing.size(), unchanged);
    }

    /**
     * Inserts articles under the ids, times and versions they had in another installation (each one's
     * {@link Sanitised#kept()}), in one transaction with one batch per table: all of them or, when anything fails,
     * none. Returns how many were created.
     */
    @Transactional
    public int insertKept(List<Sanitised> inputs) {
        Instant now = now();
        List<StoredArticle> created = store.insertAllKept(inputs.stream().map(Sanitised::input).toList(),
                inputs.stream().map(Sanitised::kept).toList());
        events.publishEvent(new ArticlesChanged(created.stream()
                .map(a -> new ArticlesChanged.Change(null, a)).toList(), now));
        return created.size();
    }

    /** One such article; refused, naming the field, when an article already has its id or its slug. */
    @Transactional
    public void insertKeptOne(Sanitised one) {
        long id = one.kept().id();
        store.findById(id).ifPresent(taken -> {
            throw InvalidInputException.of("id", id + " is taken by the article '" + taken.article().slug()
                    + "' (an earlier line): every line of an export has its own id");
        });
        store.findBySlug(one.input().slug()).ifPresent(taken -> {
            throw InvalidInputException.of("slug", "'" + one.input().slug() + "' is taken by the article with id "
                    + taken.article().id() + " (an earlier line): every line of an export has its own slug");
        });
        insertKept(List.of(one));
    }

    @Transactional
    public void delete(String slug) {
        // the row lock makes the stored version the one deleted: the feeds' rows are moved by what it was
        StoredArticle existing = store.lockBySlug(slug).orElseThrow(() -> new ArticleNotFoundException(slug));
        if (!store.delete(existing.article())) {
            throw new IllegalStateException("the locked article '" + slug + "' changed");
        }
        events.publishEvent(ArticlesChanged.of(existing, null, now()));
    }

    /**
     * Withdraws the article: out of every feed, where a tombstone takes its place, and its page gone (410). Withdrawing
     * a withdrawn article changes nothing.
     */
    @Transactional
    public StoredArticle withdraw(String slug, String reason) {
        StoredArticle existing = store.lockBySlug(slug).orElseThrow(() -> new ArticleNotFoundException(slug));
        if (existing.article().withdrawn()) {
            return existing;
        }
        Instant now = now();
        StoredArticle withdrawn = locked(store.setWithdrawn(existing.article(), now, reason, now), slug);
        events.publishEvent(ArticlesChanged.of(existing, withdrawn, now));
        return withdrawn;
    }

    /**
     * Restores a withdrawn article to the feeds, dated now so that partners ingest it again; refused while its usage
     * window is over. Restoring a live article changes nothing.
     */
    @Transactional
    public StoredArticle restore(String slug) {
        StoredArticle existing = store.lockBySlug(slug).orElseThrow(() -> new ArticleNotFoundException(slug));
        if (!existing.article().withdrawn()) {
            return existing;
        }
        Instant now = now();
        Instant expires = existing.article().expiresAt();
        if (expires != null && !expires.isAfter(now)) {
            throw new ArticleStateException("The article '" + slug + "' expired at " + expires
                    + ": PUT it with a later expiresAt (or none) before restoring it.");
        }
        StoredArticle restored = locked(store.setWithdrawn(existing.article(), null, null, now), slug);
        events.publishEvent(ArticlesChanged.of(existing, restored, now));
        return restored;
    }

    /** What a version-guarded write of a locked article stored: it cannot have changed since it was locked. */
    private static StoredArticle locked(Optional<StoredArticle> written, String slug) {
        return written.orElseThrow(() -> new IllegalStateException("the locked article '" + slug + "' changed"));
    }

    /**
     * Withdraws, with the reason {@value #EXPIRED}, the live articles whose usage window ended by now (the first
     * {@value #EXPIRY_CHUNK} of them: the timer comes back at once for the rest), as of the instant each ended; what
     * the embargo timer calls. Returns how many it withdrew.
     */
    @Transactional
    public int expireDue() {
        Instant now = now();
        List<ArticlesChanged.Change> changes = new ArrayList<>();
        for (StoredArticle due : store.findByIds(store.dueExpiries(now))) {
            Article a = due.article();
            if (a.withdrawn() || a.expiresAt() == null || a.expiresAt().isAfter(now)) {
                store.dropDueExpiry(a.id(), now); // a row its article no longer backs: the timer must not come back for it
                continue;
            }
            // another instance may have withdrawn it meanwhile: then the version no longer matches
            store.setWithdrawn(a, a.expiresAt(), EXPIRED, now)
                    .ifPresent(after -> changes.add(new ArticlesChanged.Change(due, after)));
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new ArticlesChanged(changes, now));
        }
        return changes.size();
    }

    /** The articles with these ids, in this order. */
    public List<StoredArticle> findByIds(List<Long> ids) {
        return store.findByIds(ids);
    }

    /** The {@code limit} newest articles by publication, embargoed and withdrawn ones included, without a count. */
    public List<StoredArticle> newest(int limit) {
        return store.findNewest(new ArticleSelection(List.of(), List.of(), null), limit, 0);
    }

    public Page list(ArticleSelection selection, int page, int size) {
        long total = store.count(selection);
        return new Page(store.findNewest(selection, size, (long) (page - 1) * size), total);
    }

    /** True when {@code in} would store exactly what {@code existing} holds and corrects nothing. */
    private boolean unchanged(StoredArticle existing, ArticleInput in) {
        return in.correction() == null && storedForm.of(existing).equals(in.withoutCorrection());
    }

    private static void checkNew(ArticleInput in, Instant now) {
        if (in.withdrawn()) {
            throw InvalidInputException.of("withdrawn", "'" + in.slug() + "' is new, and a new article cannot be"
                    + " withdrawn: leave the member out to publish it, or import with preserve-ids to move it as it is");
        }
        if (in.correction() != null) {
            throw InvalidInputException.of("correction", "corrects an existing article; '" + in.slug()
                    + "' is new: put what is right in the body");
        }
        checkExpiry(in, now);
    }

    /** A withdrawn article may be fixed with any window; a live one cannot be sent already expired. */
    private static void checkReplacing(StoredArticle existing, ArticleInput in, Instant now) {
        if (!existing.article().withdrawn()) {
            checkExpiry(in, now);
        }
    }

    private static void checkExpiry(ArticleInput in, Instant now) {
        if (in.expiresAt() != null && !in.expiresAt().isAfter(now)) {
            throw InvalidInputException.of("expiresAt", "is not in the future (" + in.expiresAt() + "); to take an"
                    + " article down now, POST /api/articles/" + in.slug() + "/withdraw");
        }
    }

    /** Milliseconds, which every database keeps: two writes in one second stay in order (deltas need it). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean matches(String ifMatch, String etag) {
        for (String candidate : ifMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException translate(DataAccessException e, String slug) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return new SlugConflictException(slug);
            }
        }
        return e;
    }
}
