package io.broadsheet.move;

import io.broadsheet.article.ArticleStore;
import io.broadsheet.storage.Category;
import io.broadsheet.category.CategoryService;
import io.broadsheet.cluster.ClusterChanges;
import io.broadsheet.feed.FeedStateStore;
import io.broadsheet.storage.PartnerKey;
import io.broadsheet.partner.PartnerKeys;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * What the feeds depend on besides the articles (categories, feed states, partner keys, the next article id):
 * read at the end of an export, restored at the end of an import with preserve-ids.
 */
@Singleton
public class InstallationState {

    private final ArticleStore articles;
    private final CategoryService categories;
    private final FeedStateStore feedStates;
    private final PartnerKeys partnerKeys;
    private final ClusterChanges cluster;

    public InstallationState(ArticleStore articles, CategoryService categories, FeedStateStore feedStates,
                             PartnerKeys partnerKeys, ClusterChanges cluster) {
        this.cluster = cluster;
        this.articles = articles;
        this.categories = categories;
        this.feedStates = feedStates;
        this.partnerKeys = partnerKeys;
    }

    /** The site's state now. */
    public SiteLine.Site read() {
        return new SiteLine.Site(articles.nextId(),
                categories.list().stream().map(c -> new SiteLine.CategoryState(c.slug(), c.name(), c.description())).toList(),
                feedStates.states().stream().map(s -> new SiteLine.FeedState(s.name(), s.lastModified(), s.fingerprint())).toList(),
                partnerKeys.list().stream().map(l -> {
                    PartnerKey k = l.key();
                    return new SiteLine.PartnerKeyState(k.id(), k.name(), k.keyHash(), k.keyPrefix(), k.feedList(),
                            k.createdAt(), k.revokedAt(), l.lastUsedAt(), l.requestCount());
                }).toList());
    }

    /**
     * Restores categories, feed states and partner keys in one transaction: the feed states recorded while the
     * articles were imported give way to the exported ones. The identities move afterwards ({@link ArchiveImport}).
     */
    @Transactional
    public void restore(SiteLine.Site site) {
        categories.restore(site.categories().stream()
                .map(c -> new Category(null, c.slug(), c.name(), c.description())).toList());
        feedStates.replaceStates(site.feedStates().stream()
                .map(s -> new FeedStateStore.State(s.name(), s.lastModified(), s.fingerprint())).toList());
        partnerKeys.restore(site.partnerKeys().stream()
                .map(k -> new PartnerKey(k.id(), k.name(), k.keyHash(), k.keyPrefix(), String.join(",", k.feeds()),
                        k.createdAt(), k.revokedAt(), k.lastUsedAt(), k.requestCount())).toList());
        cluster.everythingChanged(); // other instances on the same database drop what they rendered before
    }
}
