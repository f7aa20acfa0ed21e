package io.broadsheet.newsroom;

import io.broadsheet.article.ArticleService;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedService;
import io.broadsheet.feed.websub.HubPingLog;
import io.broadsheet.stats.PollRecorder;
import io.broadsheet.stats.PollStatistics;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What the newsroom page shows, as plain rows for its template: the subscriber statistics of
 * {@code GET /api/stats/feeds} (the same report), the latest hub ping attempts, and the newest articles with
 * their pages and their categories' feeds, and the fediverse's followers and deliveries ({@link FediversePanel}).
 */
@Singleton
public class NewsroomDashboard {

    static final int ARTICLES = 20;
    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private final PollRecorder recorder;
    private final PollStatistics statistics;
    private final HubPingLog pings;
    private final ArticleService articles;
    private final FeedService feeds;
    private final FeedsConfig config;
    private final Clock clock;
    private final String chartLibrary;
    private final FediversePanel fediverse;

    public NewsroomDashboard(PollRecorder recorder, PollStatistics statistics, HubPingLog pings,
                             ArticleService articles, FeedService feeds, FeedsConfig config, Clock clock,
                             FediversePanel fediverse) {
        this.fediverse = fediverse;
        this.recorder = recorder;
        this.statistics = statistics;
        this.pings = pings;
        this.articles = articles;
        this.feeds = feeds;
        this.config = config;
        this.clock = clock;
        this.chartLibrary = "/webjars/uplot/" + webjarVersion(UPLOT_POM) + "/dist/";
    }

    /** A feed's line of the statistics table; {@code notModifiedShare} as a fraction, {@code percent} as shown. */
    public record FeedRow(String feed, long subscribers, long polls, double notModifiedShare, String percent,
                          List<String> topFetchers) {
    }

    /** A link to one format of a feed, by the URL the feed names itself with. */
    public record FeedLink(String format, String url) {
    }

    /** A category of an article, with its feed in each format. */
    public record CategoryFeeds(String category, List<FeedLink> links) {
    }

    /** One of the newest articles; {@code state}: published, embargoed or withdrawn. */
    public record ArticleRow(String title, String page, String publishedAt, String state, List<CategoryFeeds> feeds) {
    }

    /** One settled attempt to ping a hub. */
    public record PingRow(String at, String feedUrl, String outcome, String answer, int attempt) {
    }

    public record HubRow(String hub, List<PingRow> pings) {
    }

    /** The statistics the charts draw: the report of {@code GET /api/stats/feeds}, this instance's polls included. */
    public PollStatistics.Report stats(int days) {
        recorder.flush();
        return statistics.report(days);
    }

    /** The page's model: every table, the period, the form token and where the charts' script finds its data. */
    public Map<String, Object> model(int days, String csrf) {
        PollStatistics.Report report = stats(days);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Newsroom \u2014 " + config.site().title());
        model.put("csrf", csrf);
        model.put("days", days);
        model.put("maxDays", PollStatistics.MAX_DAYS);
        model.put("from", report.from().toString());
        model.put("to", report.to().toString());
        model.put("statsUrl", "/newsroom/data/stats?days=" + days);
        model.put("chartLibrary", chartLibrary);
        model.put("feeds", report.feeds().stream().map(NewsroomDashboard::feedRow).toList());
        model.put("hubs", hubRows());
        model.put("fediverse", fediverse.panel());
        model.put("articles", articles.newest(ARTICLES).stream().map(this::articleRow).toList());
        return model;
    }

    private static FeedRow feedRow(PollStatistics.FeedStats f) {
        List<String> top = f.topFetchers().stream().map(t -> t.fetcher() + ": " + count(t.polls(), "poll")
                + (t.subscribers() == null ? "" : ", " + count(t.subscribers(), "subscriber"))).toList();
        String percent = String.format(Locale.ROOT, "%.1f %%", 100 * f.notModifiedShare());
        return new FeedRow(f.feed(), f.subscribers(), f.polls(), f.notModifiedShare(), percent, top);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private List<HubRow> hubRows() {
        List<HubRow> rows = new ArrayList<>();
        pings.latest().forEach((hub, list) -> rows.add(new HubRow(hub, list.stream().map(p -> new PingRow(
                p.at().truncatedTo(ChronoUnit.SECONDS).toString(), p.feedUrl(), p.outcome().name().toLowerCase(Locale.ROOT),
                p.error() != null ? p.error() : "HTTP " + p.status(), p.attempt())).toList())));
        return rows;
    }

    private ArticleRow articleRow(StoredArticle stored) {
        var a = stored.article();
        Instant now = clock.instant();
        String state = a.withdrawn() ? "withdrawn" : a.publishedAt().isAfter(now) ? "embargoed" : "published";
        List<CategoryFeeds> categories = stored.categories().stream().map(category -> new CategoryFeeds(category,
                Arrays.stream(FeedFormat.values()).map(f -> new FeedLink(f.name(), feeds.feedUrl(category, f))).toList()))
                .toList();
        return new ArticleRow(a.title(), "/articles/" + a.slug(), a.publishedAt().toString(), state, categories);
    }

    /** The version of a webjar on the class path, so that the page names the files the jar holds. */
    static String webjarVersion(String pomProperties) {
        try (InputStream in = NewsroomDashboard.class.getClassLoader().getResourceAsStream(pomProperties)) {
            if (in == null) {
                throw new IllegalStateException(pomProperties + " is not on the class path: the newsroom's charts"
                        + " need the webjar org.webjars.npm:uplot (see pom.xml)");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
