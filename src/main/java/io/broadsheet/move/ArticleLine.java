package io.broadsheet.move;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.broadsheet.article.Article;
import io.broadsheet.article.StoredArticle;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * An article as a line of the export: the JSON the import takes, plus the fields the server set. {@code url} is
 * the one sent (absent when the article uses the default), so that the line imports as the article it was.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleLine(
        long id,
        String slug,
        String title,
        String summary,
        String body,
        String url,
        List<Author> authors,
        List<String> categories,
        List<String> tags,
        String language,
        List<Image> images,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** A person or agency. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Author(String name, String url) {
    }

    /** A picture with its caption and credit. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Image(String url, String mimeType, Integer width, Integer height, Long length,
                       String caption, String credit, String alt) {
    }

    public static ArticleLine of(StoredArticle stored) {
        Article a = stored.article();
        return new ArticleLine(a.id(), a.slug(), a.title(), a.summary(), a.body(), a.url(),
                stored.authors().stream().map(x -> new Author(x.name(), x.url())).toList(),
                stored.categories(), stored.tags(), a.language(),
                stored.images().stream().map(i -> new Image(i.url(), i.mimeType(), i.width(), i.height(), i.length(),
                        i.caption(), i.credit(), i.alt())).toList(),
                a.publishedAt(), a.createdAt(), a.updatedAt(), a.version());
    }
}
