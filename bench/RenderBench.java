import io.broadsheet.feed.Feed;
import io.broadsheet.feed.FeedAuthor;
import io.broadsheet.feed.FeedCategory;
import io.broadsheet.feed.FeedImage;
import io.broadsheet.feed.FeedItem;
import io.broadsheet.feed.FeedRenderer;
import io.broadsheet.feed.FeedTombstone;
import io.broadsheet.feed.atom.AtomFeedRenderer;
import io.broadsheet.feed.rss.RssFeedRenderer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Times RSS and Atom renders of a 50-item page in which every item has a picture with three renditions and rights
 * and a plain one, a usage window and a correction date, under five tombstones. No JMH: a warm-up, then each render
 * timed alone; prints p50 and p90 of wall and thread CPU time per format (CPU time
 * is what a shared, loaded machine distorts least), and a digest of the bytes so two builds can be compared.
 * Run against the shaded jar: {@code java -cp target/broadsheet-0.1.0.jar bench/RenderBench.java [rounds]}.
 */
public class RenderBench {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Feed feed = page();
        for (FeedRenderer renderer : List.of(new RssFeedRenderer(), new AtomFeedRenderer())) {
            for (int i = 0; i < rounds; i++) {
                renderer.render(feed); // warm-up
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] nanos = new long[rounds];
            long[] cpu = new long[rounds];
            byte[] bytes = null;
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                long startCpu = threads.getCurrentThreadCpuTime();
                bytes = renderer.render(feed);
                cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            System.out.printf("%s: %d bytes, sha256 %s, wall p50 %.3f ms p90 %.3f ms, thread CPU p50 %.3f ms p90 %.3f ms"
                            + " (%d renders)%n", renderer.format(), bytes.length, digest, nanos[rounds / 2] / 1e6,
                    nanos[rounds * 9 / 10] / 1e6, cpu[rounds / 2] / 1e6, cpu[rounds * 9 / 10] / 1e6, rounds);
        }
    }

    static Feed page() {
        Instant published = Instant.parse("2026-11-30T08:00:00Z");
        List<FeedItem> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String key = "a" + i;
            List<FeedImage.Rendition> renditions = List.of(
                    new FeedImage.Rendition("https://media.example.com/" + key + "-320.jpg", 320, 213, "image/jpeg"),
                    new FeedImage.Rendition("https://media.example.com/" + key + "-640.jpg", 640, 427, "image/jpeg"),
                    new FeedImage.Rendition("https://media.example.com/" + key + "-1024.webp", 1024, 683, "image/webp"));
            FeedImage lead = new FeedImage("https://media.example.com/" + key + ".jpg", "image/jpeg", 2048, 1365, 250_000L,
                    key + " caption of the lead picture", key + " Photographer / AFP", key + " alt", "\u00a9 AFP 2026",
                    "https://creativecommons.org/licenses/by-nd/4.0/", renditions);
            FeedImage second = new FeedImage("https://media.example.com/" + key + "-b.jpg", "image/jpeg", 1200, 800,
                    120_000L, key + " second caption", key + " Second Photographer", key + " alt 2");
            Instant at = published.minusSeconds(600L * i);
            items.add(new FeedItem("tag:news.example.com,2022:article:" + i, "https://news.example.com/" + key,
                    key + " Title of a news article & its <subject>", key + " A summary of two sentences. It says what happened.",
                    "<figure><img src=\"https://media.example.com/" + key + ".jpg\" alt=\"x\"><figcaption>caption</figcaption></figure>"
                            + "<p>" + "Body text of the article, a paragraph long. ".repeat(20) + "</p>",
                    at, at.plusSeconds(300), List.of(new FeedAuthor("Agence France-Presse", "https://www.afp.com")),
                    List.of(new FeedCategory("world", "World")), List.of("NATO", "Kosovo"), "en",
                    List.of(lead, second), Instant.parse("2027-01-01T00:00:00Z")));
        }
        List<FeedTombstone> tombstones = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tombstones.add(new FeedTombstone("tag:news.example.com,2022:article:" + (900 + i),
                    "https://news.example.com/w" + i, published, published.plusSeconds(3600), "legal reasons " + i,
                    published.plusSeconds(3600)));
        }
        return new Feed("world", "World", "World news", "https://news.example.com/", "https://news.example.com/feeds/world",
                "tag:news.example.com,2022:feed:world", published.plusSeconds(3600), "en",
                URI.create("https://news.example.com/icon.png"), "Copyright", "Broadsheet",
                new FeedAuthor("Desk", "https://news.example.com/"), items, 1, 20, List.of("https://hub.example.com/"), 300,
                tombstones, false, null);
    }
}
