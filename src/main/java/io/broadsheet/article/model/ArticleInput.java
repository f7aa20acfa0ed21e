package io.broadsheet.article.model;

import java.time.Instant;
import java.util.List;

/**
 * An article as a client sent it, read and checked by {@code io.broadsheet.article.ArticleParser}; the body is not yet sanitised.
 *
 * @param slug null to derive one from the title
 * @param url        null for {@code {base-url}/articles/{slug}}
 * @param expiresAt  the end of the article's usage window, or null
 * @param correction a correction notice this write adds (plain text), or null
 * @param withdrawn  whether it came with a {@code withdrawn} member (a GET answer or an export line of a withdrawn
 *                   article): ignored on a replace, refused on a create, which would publish what was taken down
 */
public record ArticleInput(
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
        Instant expiresAt,
        String correction,
        boolean withdrawn) {

    public ArticleInput {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        images = List.copyOf(images);
    }

    /** The same article under another slug. */
    public ArticleInput withSlug(String newSlug) {
        return new ArticleInput(newSlug, title, summary, body, url, authors, categories, tags, language, images,
                publishedAt, expiresAt, correction, withdrawn);
    }

    /** The same article with another URL of its own (null: none). */
    public ArticleInput withUrl(String newUrl) {
        return new ArticleInput(slug, title, summary, body, newUrl, authors, categories, tags, language, images,
                publishedAt, expiresAt, correction, withdrawn);
    }

    /** The same article with another body. */
    public ArticleInput withBody(String newBody) {
        return new ArticleInput(slug, title, summary, newBody, url, authors, categories, tags, language, images,
                publishedAt, expiresAt, correction, withdrawn);
    }

    /** The same article without a correction notice or a withdrawn member: what it stores besides the notice. */
    public ArticleInput withoutCorrection() {
        return new ArticleInput(slug, title, summary, body, url, authors, categories, tags, language, images,
                publishedAt, expiresAt, null, false);
    }

    /** The article as stored, as a write would send it (without a correction): what tells an idle replace. */
    public static ArticleInput of(StoredArticle stored) {
        Article a = stored.article();
        return new ArticleInput(a.slug(), a.title(), a.summary(), a.body(), a.url(),
                stored.authors().stream().map(x -> new Author(x.name(), x.url())).toList(),
                stored.categories(), stored.tags(), a.language(),
                stored.images().stream().map(i -> new Image(i.url(), i.mimeType(), i.width(), i.height(), i.length(),
                        i.caption(), i.credit(), i.alt(), i.copyright(), i.license(), i.renditions())).toList(),
                a.publishedAt(), a.expiresAt(), null, false);
    }

    /** A person or agency. */
    public record Author(String name, String url) {
    }

    /**
     * A picture with its caption, credit and rights; only the URL is required.
     *
     * @param copyright  plain text
     * @param license    the URL of the license
     * @param renditions other sizes of the same picture; never null
     */
    public record Image(String url, String mimeType, Integer width, Integer height, Long length,
                        String caption, String credit, String alt,
                        String copyright, String license, List<ArticleImage.Rendition> renditions) {

        public Image {
            renditions = renditions == null ? List.of() : List.copyOf(renditions);
        }

        /** A picture without rights or renditions. */
        public Image(String url, String mimeType, Integer width, Integer height, Long length,
                     String caption, String credit, String alt) {
            this(url, mimeType, width, height, length, caption, credit, alt, null, null, List.of());
        }
    }
}
