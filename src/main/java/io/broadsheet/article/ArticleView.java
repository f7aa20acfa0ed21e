package io.broadsheet.article;

import io.broadsheet.article.model.Article;
import io.broadsheet.article.model.ArticleImage;
import io.broadsheet.article.model.Correction;
import io.broadsheet.article.model.StoredArticle;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.broadsheet.config.SiteConfig;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * An article as the API shows it: the JSON it was sent as, plus what the server sets or derives (id, link, createdAt,
 * updatedAt, version, withdrawn, corrections), which a write accepts and ignores: sent back as it is, it changes nothing.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleView(
        long id,
        String slug,
        String title,
        String summary,
        String body,
        @Schema(description = "The article's own URL, as sent; absent when it has none.", format = "uri")
        String url,
        @Schema(description = "Read-only: where feeds and pages link the article: its `url`, or without one"
                + " `{base-url}/articles/{slug}`, which follows the slug. Ignored when sent back.",
                accessMode = Schema.AccessMode.READ_ONLY, format = "uri")
        String link,
        List<Author> authors,
        List<String> categories,
        List<String> tags,
        String language,
        List<Image> images,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Instant expiresAt,
        Withdrawn withdrawn,
        List<Correction> corrections) {

    /** Set while the article is withdrawn. */
    @Serdeable
    public record Withdrawn(Instant at, String reason) {
    }

    /** A dated correction notice, oldest first. */
    @Serdeable
    public record Correction(Instant at, String text) {
    }

    /** A person or agency. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Author(String name, String url) {
    }

    /** A picture with its caption, credit and rights; {@code renditions} is left out when there are none. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Image(String url, String mimeType, Integer width, Integer height, Long length,
                        String caption, String credit, String alt,
                        String copyright, String license, List<Rendition> renditions) {
    }

    /** Another size of the same picture. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rendition(String url, Integer width, Integer height, String mimeType) {
    }

    /** A page of a listing, newest first; pages count from 1. */
    @Serdeable
    public record Page(List<ArticleView> items, int page, int size, long total) {
    }

    /** As the API shows it: {@code url} only when the article has its own, and the {@code link} it gets either way. */
    public static ArticleView of(StoredArticle stored, SiteConfig site) {
        Article a = stored.article();
        return view(stored, a.url() != null ? a.url() : site.articleLink(a.slug()));
    }

    /** As stored, a line of the export: {@code url} only when the article has its own, so it imports as it was. */
    public static ArticleView asStored(StoredArticle stored) {
        return view(stored, null);
    }

    private static ArticleView view(StoredArticle stored, String link) {
        Article a = stored.article();
        return new ArticleView(a.id(), a.slug(), a.title(), a.summary(), a.body(), a.url(), link,
                stored.authors().stream().map(x -> new Author(x.name(), x.url())).toList(),
                stored.categories(), stored.tags(), a.language(),
                stored.images().stream().map(ArticleView::image).toList(),
                a.publishedAt(), a.createdAt(), a.updatedAt(), a.version(), a.expiresAt(),
                a.withdrawn() ? new Withdrawn(a.withdrawnAt(), a.withdrawnReason()) : null,
                stored.corrections().isEmpty() ? null
                        : stored.corrections().stream().map(c -> new Correction(c.at(), c.text())).toList());
    }

    private static Image image(ArticleImage i) {
        List<Rendition> renditions = i.renditions().stream()
                .map(r -> new Rendition(r.url(), r.width(), r.height(), r.mimeType())).toList();
        return new Image(i.url(), i.mimeType(), i.width(), i.height(), i.length(), i.caption(), i.credit(), i.alt(),
                i.copyright(), i.license(), renditions.isEmpty() ? null : renditions);
    }
}
