package io.broadsheet.pages;

import io.broadsheet.config.SiteConfig;
import io.broadsheet.feed.FeedAuthor;
import io.broadsheet.feed.FeedCategory;
import io.broadsheet.feed.FeedItem;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article as schema.org {@code NewsArticle} JSON-LD, for the {@code <script type="application/ld+json">} of its
 * page: written by the JSON mapper, then made safe to sit inside a script element.
 * Spec: https://schema.org/NewsArticle, https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements
 */
@Singleton
public class JsonLd {

    private final JsonMapper mapper;

    public JsonLd(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON-LD of an article whose page is {@code canonical}, with its pictures in article order. */
    public String newsArticle(SiteConfig site, FeedItem item, String canonical, List<Figure> figures) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", "https://schema.org");
        doc.put("@type", "NewsArticle");
        doc.put("headline", item.title());
        put(doc, "description", item.summary());
        doc.put("url", canonical);
        doc.put("mainEntityOfPage", ordered("@type", "WebPage", "@id", canonical));
        doc.put("datePublished", Dates.iso(item.published()));
        doc.put("dateModified", Dates.iso(item.updated()));
        doc.put("inLanguage", item.language());
        List<Object> authors = new ArrayList<>();
        for (FeedAuthor author : item.authors()) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", author.name());
            put(person, "url", author.url());
            authors.add(person);
        }
        doc.put("author", authors);
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", site.title());
        publisher.put("url", site.url("/"));
        if (site.icon() != null) {
            publisher.put("logo", ordered("@type", "ImageObject", "url", site.icon().toString()));
        }
        doc.put("publisher", publisher);
        if (!item.categories().isEmpty()) {
            doc.put("articleSection", item.categories().stream().map(FeedCategory::label).toList());
        }
        if (!figures.isEmpty()) {
            doc.put("image", figures.stream().map(JsonLd::imageObject).toList());
        }
        return scriptSafe(write(doc));
    }

    private static Map<String, Object> imageObject(Figure figure) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("@type", "ImageObject");
        image.put("url", figure.src());
        image.put("contentUrl", figure.src());
        put(image, "width", figure.width());
        put(image, "height", figure.height());
        put(image, "caption", figure.caption());
        put(image, "creditText", figure.credit());
        put(image, "copyrightNotice", figure.copyright());
        put(image, "license", figure.license());
        return image;
    }

    /**
     * JSON whose text cannot end its script element or open a comment in it ({@code </script>}, {@code <!--}): every
     * {@code <}, {@code >} and {@code &} becomes its {@code \\u} escape. Outside strings JSON never uses them, so the
     * value is unchanged.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Members in the order given: the same article gives the same bytes on every instance. */
    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
