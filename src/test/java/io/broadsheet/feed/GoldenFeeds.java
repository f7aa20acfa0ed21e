package io.broadsheet.feed;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The feed documents whose rendered bytes are kept as golden files: between them every element the renderers write
 * (pictures with renditions, captions, credits, rights and licenses; corrections; usage windows; tombstones of
 * withdrawn and expired articles, with and without Media RSS 1.5; paging, keyset and hub links; a partner feed
 * without icon or copyright, and no fediverse actor), and text that needs escaping.
 */
final class GoldenFeeds {

    static final List<String> NAMES = List.of("first-page-tombstones", "first-page-tombstones-media-rss-1-5",
            "tombstones-without-pictures-media-rss-1-5", "only-tombstones", "middle-page", "keyset-page",
            "partner-full", "plain", "empty");

    private static final Instant PUBLISHED = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant CORRECTED = Instant.parse("2026-12-01T10:01:00Z");
    private static final String CORRECTION = "<p class=\"correction\"><strong>Correction</strong> "
            + "<time datetime=\"2026-12-01T10:01:00Z\">1 December 2026</time>: An earlier version misspelt the "
            + "minister\u2019s name &amp; title &lt;sic&gt;.</p>";

    private GoldenFeeds() {
    }

    static Feed named(String name) {
        return switch (name) {
            case "first-page-tombstones" -> feed(1, 3, List.of(pictured(), plainFirst(), teaser(), unknownType()),
                    tombstones(), false, null);
            case "first-page-tombstones-media-rss-1-5" -> feed(1, 3,
                    List.of(pictured(), plainFirst(), teaser(), unknownType()), tombstones(), true, null);
            case "tombstones-without-pictures-media-rss-1-5" -> feed(1, 1, List.of(teaser(), corrected()),
                    tombstones(), true, null);
            case "only-tombstones" -> feed(1, 1, List.of(), tombstones(), true, null);
            case "middle-page" -> feed(2, 3, List.of(plainFirst(), corrected()), List.of(), false, null);
            case "keyset-page" -> feed(4, 9, List.of(pictured()), List.of(), false,
                    new PageCursors(FeedCursor.after(PUBLISHED, 41), FeedCursor.after(PUBLISHED.minusSeconds(60), 7), false));
            case "partner-full" -> partner();
            case "plain" -> feed(1, 1, List.of(teaser()), List.of(), false, null);
            case "empty" -> feed(1, 1, List.of(), List.of(), false, null);
            default -> throw new IllegalArgumentException("no golden feed named " + name);
        };
    }

    private static Feed feed(int page, int lastPage, List<FeedItem> items, List<FeedTombstone> tombstones,
                             boolean mediaRss15, PageCursors cursors) {
        return new Feed("world", "World news & <analysis>", "World \"news\" description \u2014 \ud83d\udcf0",
                "https://news.example.com/", "https://news.example.com/feeds/world", "tag:news.example.com,2022:feed:world",
                CORRECTED, "en", URI.create("https://news.example.com/icon.png"), "\u00a9 Test & Co", "Broadsheet",
                new FeedAuthor("Desk", "https://news.example.com/"), items, page, lastPage,
                List.of("https://hub.example.com/", "https://hub2.example.com/?a=1&b=2"), 300, tombstones, mediaRss15,
                cursors, new FeedActor("https://news.example.com/fediverse/world", "@world@news.example.com"));
    }

    private static Feed partner() {
        return new Feed("partner-full", "Partner full text", "For partners", "https://news.example.com/",
                "https://news.example.com/feeds/partner-full", "tag:news.example.com,2022:feed:partner-full", CORRECTED,
                "de", null, null, "Broadsheet", new FeedAuthor("Desk", null), List.of(pictured(), corrected()), 1, 1,
                List.of(), 60, tombstones(), false, null);
    }

    /** A picture with rights and renditions ahead of a plain one, a usage window, a correction. */
    private static FeedItem pictured() {
        FeedImage withRights = TestFeeds.withRenditions(TestFeeds.image("g-pictured", 1), 320, null, 1024);
        return item("g-pictured", "<p>Body with ]]&gt; and a <a href=\"https://x.example.com/?a=1&amp;b=2\">link</a></p>"
                + CORRECTION, List.of(withRights, TestFeeds.image("g-pictured", 2)), CORRECTED,
                Instant.parse("2026-12-31T00:00:00Z"));
    }

    /** A plain picture ahead of one with renditions: Media RSS keeps the article's order. */
    private static FeedItem plainFirst() {
        return item("g-plain-first", "<p>b</p>", List.of(TestFeeds.image("g-plain-first", 1),
                TestFeeds.withRenditions(TestFeeds.image("g-plain-first", 2), 640), TestFeeds.image("g-plain-first", 3)),
                PUBLISHED.minusSeconds(3600), null);
    }

    /** Summary mode: no content, no picture, no author, never changed. */
    private static FeedItem teaser() {
        return new FeedItem("tag:news.example.com,2022:article:3", "https://news.example.com/g-teaser",
                "Teaser \u2018quoted\u2019 & <b>bold</b>", "Summary with \"quotes\" & <tags> and \u00e9\u00e8 \ud83d\ude00",
                null, PUBLISHED.minusSeconds(7200), PUBLISHED.minusSeconds(7200), List.of(),
                List.of(new FeedCategory("world", "World")), List.of(), "en", List.of(), null);
    }

    /** A picture of unknown type, caption and credit: no enclosure, bare media elements. */
    private static FeedItem unknownType() {
        FeedImage bare = new FeedImage("https://media.example.com/bare.jpg", null, null, null, null, null, null, null);
        return item("g-unknown-type", "<p>bare</p>", List.of(bare), PUBLISHED.minusSeconds(9000), null);
    }

    /** Corrected and still within its usage window, without pictures. */
    private static FeedItem corrected() {
        return item("g-corrected", "<p>Text</p>" + CORRECTION, List.of(), CORRECTED, Instant.parse("2027-01-01T00:00:00Z"));
    }

    private static FeedItem item(String key, String body, List<FeedImage> images, Instant updated, Instant expires) {
        FeedItem base = TestFeeds.item(key, body, images);
        Instant published = updated.isAfter(PUBLISHED) ? PUBLISHED : updated;
        return new FeedItem(base.id(), base.url(), base.title(), base.summary(), base.contentHtml(), published,
                updated, base.authors(), base.categories(), base.tags(), base.language(), images, expires);
    }

    private static List<FeedTombstone> tombstones() {
        return List.of(
                new FeedTombstone("tag:news.example.com,2022:article:9", "https://news.example.com/g-withdrawn",
                        PUBLISHED, Instant.parse("2026-12-01T10:02:00Z"),
                        "Rechtsstreit \u2014 L\u00f6schung auf Anordnung <Gericht> & Co.", Instant.parse("2026-12-01T10:02:00Z")),
                new FeedTombstone("tag:news.example.com,2022:article:8", "https://news.example.com/g-expired",
                        PUBLISHED.minusSeconds(600), Instant.parse("2026-12-01T10:00:01Z"), "expired",
                        Instant.parse("2026-12-01T10:00:05Z")));
    }
}
