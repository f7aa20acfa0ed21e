package io.broadsheet.pages;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedActor;
import io.broadsheet.feed.FeedDirectory;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedService;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Feeds as the pages show them: a link per format (the URL each document names as its self link) and the figures. */
@Singleton
public class FeedLinks {

    private final FeedService feeds;
    private final FeedsConfig config;

    public FeedLinks(FeedService feeds, FeedsConfig config) {
        this.feeds = feeds;
        this.config = config;
    }

    /** A feed in one format: link text, media type, URL, and the title a discovery link gives it. */
    public record Format(String label, String mediaType, String url, String title) {
    }

    /**
     * A public feed on the home page.
     *
     * @param label   what the list calls it (a category's name, a named feed's title)
     * @param htmlUrl the page that shows the same stories: the category's page, or the home page
     */
    public record Entry(String name, String label, String description, String htmlUrl, long items,
                        String lastModified, String lastModifiedShown, List<Format> formats) {

        /** The RSS URL: the one shown and copied. */
        public String url() {
            return formats.get(0).url();
        }

        public String itemsShown() {
            return items == 1 ? "1 story" : items + " stories";
        }
    }

    /**
     * The feed {@code name} in every format offered to readers, RSS first; {@code title} names it in discovery links.
     * ninjs is left out: a reader would offer it to people, who cannot read it.
     */
    public List<Format> formats(String name, String title) {
        return FeedFormat.readerFormats().stream()
                .map(f -> new Format(label(f), f.mediaType(), feeds.feedUrl(name, f), title + " (" + label(f) + ")"))
                .toList();
    }

    /** The directory's feeds as the home page lists them. */
    public List<Entry> entries(List<FeedDirectory.Listed> listed) {
        List<Entry> entries = new ArrayList<>();
        for (FeedDirectory.Listed feed : listed) {
            String label = feed.category() != null ? feed.category().name()
                    : FeedService.ALL.equals(feed.name()) ? "Every story" : feed.definition().title();
            String description = Objects.requireNonNullElse(feed.definition().description(), config.site().description());
            Instant changed = feed.lastModified();
            entries.add(new Entry(feed.name(), label, description, htmlUrl(feed), feed.items(), Dates.iso(changed),
                    Dates.shown(changed), formats(feed.name(), feed.definition().title())));
        }
        return entries;
    }

    /** Where a reader sees a feed's stories as a page: its category's page, else the home page. */
    public String htmlUrl(FeedDirectory.Listed feed) {
        return feed.category() != null ? categoryUrl(feed.category().slug()) : config.site().url("/");
    }

    /** The site's title, which prefixes every category feed's. */
    public String siteTitle() {
        return config.site().title();
    }

    /** The fediverse actor of a public feed, which its page links to and names by its handle. */
    public FeedActor actor(String name) {
        return new FeedActor(config.site().fediverseActor(name), config.site().fediverseHandle(name));
    }

    /** A category's page, {@code page} 1 without a query. */
    public String categoryUrl(String slug) {
        return config.site().url("/categories/" + slug);
    }

    /** What the pages call a format: RSS, Atom, JSON Feed, ninjs. */
    static String label(FeedFormat format) {
        return switch (format) {
            case RSS -> "RSS";
            case ATOM -> "Atom";
            case JSON -> "JSON Feed";
            case NINJS -> "ninjs";
        };
    }
}
