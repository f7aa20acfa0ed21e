package io.broadsheet.move;

import io.broadsheet.article.ArticleImporter;
import io.broadsheet.article.ImportResult;
import io.broadsheet.article.ArticleStore;
import io.broadsheet.category.CategorySlugs;
import io.broadsheet.feed.FeedCache;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.partner.PartnerKeys;
import io.broadsheet.storage.Durability;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The import with preserve-ids: fills an empty database with an export, each article under its id, times and
 * version, then restores the site line's state and moves the identities past the imported ids, so that the feeds
 * come out as they were and the next article gets a fresh id.
 */
@Singleton
public class ArchiveImport {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveImport.class);
    private static final String HOW = " Start the new installation on an empty database with BROADSHEET_SAMPLE_DATA=false"
            + " (the sample articles count too), or import without preserve-ids to add the articles under new ids.";

    private final ArticleImporter importer;
    private final ArticleStore articles;
    private final PartnerKeys partnerKeys;
    private final InstallationState state;
    private final FeedCache cache;
    private final Durability durability;
    private final CategorySlugs categorySlugs;
    private final AtomicBoolean running = new AtomicBoolean();

    public ArchiveImport(ArticleImporter importer, ArticleStore articles, PartnerKeys partnerKeys,
                         InstallationState state, FeedCache cache, Durability durability,
                         CategorySlugs categorySlugs) {
        this.categorySlugs = categorySlugs;
        this.importer = importer;
        this.articles = articles;
        this.partnerKeys = partnerKeys;
        this.state = state;
        this.cache = cache;
        this.durability = durability;
    }

    /** Imports {@code ndjson}; {@link DatabaseNotEmptyException} when the database holds articles or partner keys. */
    public ImportResult importKeepingIds(InputStream ndjson) {
        if (!running.compareAndSet(false, true)) {
            throw new DatabaseNotEmptyException("Another import with preserve-ids=true is filling this database;"
                    + " wait for its answer.");
        }
        try {
            refuseUnlessEmpty();
            AtomicReference<SiteLine.Site> site = new AtomicReference<>();
            ImportResult result;
            try {
                result = importer.importKeepingIds(ndjson, node -> {
                    if (site.get() != null) {
                        throw InvalidInputException.of(ArticleImporter.SITE, "appears a second time; an export ends with one site line");
                    }
                    SiteLine.Site read = SiteLine.read(node);
                    categorySlugs.check(read.categories().stream().map(SiteLine.CategoryState::slug).toList(),
                            i -> "site.categories[" + i + "].slug");
                    site.set(read);
                });
                if (site.get() != null) {
                    state.restore(site.get());
                }
            } finally { // whatever was stored: the next article must not take an imported id
                long next = articles.continueIdsFrom(site.get() == null ? 1 : site.get().nextArticleId());
                partnerKeys.continueIds();
                cache.invalidateAll();
                durability.checkpoint();
                LOG.info("Import with preserve-ids: the next article gets id {}", next);
            }
            if (site.get() == null) {
                LOG.warn("Import with preserve-ids ended without a site line: categories, feed states and partner keys"
                        + " were not restored (was the export cut short?)");
            }
            return result.withSiteRestored(site.get() != null);
        } finally {
            running.set(false);
        }
    }

    private void refuseUnlessEmpty() {
        if (!articles.isEmpty()) {
            throw new DatabaseNotEmptyException("An import with preserve-ids=true fills an empty database, and this one"
                    + " already holds articles." + HOW);
        }
        long keys = partnerKeys.count();
        if (keys > 0) {
            throw new DatabaseNotEmptyException("An import with preserve-ids=true fills an empty database, and this one"
                    + " already holds " + keys + " partner key(s), which the export brings too." + HOW);
        }
    }
}
