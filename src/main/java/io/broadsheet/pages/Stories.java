package io.broadsheet.pages;

import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.config.ContentMode;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedAssembler;
import io.broadsheet.feed.FeedItem;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Articles as the pages list them, each assembled as the feeds assemble it (title, teaser, dates, link). */
@Singleton
public class Stories {

    private final FeedsConfig config;
    private final FeedAssembler assembler;

    public Stories(FeedsConfig config) {
        this.config = config;
        this.assembler = new FeedAssembler(config.site(), config.mediaRss15());
    }

    /** Each article as a story in a list, in the same order. */
    public List<Story> of(List<StoredArticle> articles) {
        return articles.stream().map(this::story).toList();
    }

    private Story story(StoredArticle stored) {
        FeedItem item = item(stored, Map.of());
        Figure lead = stored.images().isEmpty() ? null : Figure.of(stored.images().get(0));
        return new Story(item.title(), pageUrl(stored), Dates.iso(item.published()), Dates.shown(item.published()),
                item.summary(), lead);
    }

    /** The article as a feed item: its canonical link, cleaned title, teaser, dates, authors and named categories. */
    FeedItem item(StoredArticle stored, Map<String, String> categoryNames) {
        return assembler.item(stored, ContentMode.FULL, categoryNames);
    }

    /** Its page on this site (its canonical URL may be elsewhere). */
    String pageUrl(StoredArticle stored) {
        return config.site().url("/articles/" + stored.article().slug());
    }
}
