package io.broadsheet.storage;

import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static io.broadsheet.storage.ArticleChildrenUpgradeTest.update;
import static io.broadsheet.storage.ArticleChildrenUpgradeTest.utc;

/**
 * An article as version 8 stored it: the row with its corrections as text lines, child rows for images (renditions
 * as text lines), authors, categories and tags, and the feed rows of a live article.
 */
final class Version8Rows {

    private Version8Rows() {
    }

    @SuppressWarnings("unchecked")
    static void write(Connection c, Map<String, Object> a) throws Exception {
        long id = ((Number) a.get("id")).longValue();
        Map<String, Object> withdrawn = (Map<String, Object>) a.get("withdrawn");
        update(c, "INSERT INTO article (id, slug, title, summary, body, url, language, published_at, created_at,"
                        + " updated_at, version, withdrawn_at, withdrawn_reason, corrections)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, a.get("slug"), a.get("title"),
                a.get("summary"), a.get("body"), a.get("url"), a.get("language"), utc(a.get("publishedAt")),
                utc(a.get("createdAt")), utc(a.get("updatedAt")), ((Number) a.get("version")).longValue(),
                withdrawn == null ? null : utc(withdrawn.get("at")), withdrawn == null ? null : withdrawn.get("reason"),
                corrections((List<Map<String, Object>>) a.getOrDefault("corrections", List.of())));
        List<Map<String, Object>> images = (List<Map<String, Object>>) a.get("images");
        for (int i = 0; i < images.size(); i++) {
            Map<String, Object> m = images.get(i);
            update(c, "INSERT INTO article_image (article_id, ordinal, url, mime_type, width, height, file_size, caption,"
                            + " credit, alt, copyright, license, renditions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, i, m.get("url"), m.get("mimeType"), m.get("width"), m.get("height"),
                    m.get("length") == null ? null : ((Number) m.get("length")).longValue(), m.get("caption"),
                    m.get("credit"), m.get("alt"), m.get("copyright"), m.get("license"),
                    renditions((List<Map<String, Object>>) m.get("renditions")));
        }
        List<Map<String, Object>> authors = (List<Map<String, Object>>) a.get("authors");
        for (int i = 0; i < authors.size(); i++) {
            update(c, "INSERT INTO article_author (article_id, ordinal, name, url) VALUES (?, ?, ?, ?)", id, i,
                    authors.get(i).get("name"), authors.get(i).get("url"));
        }
        List<String> categories = (List<String>) a.get("categories");
        for (int i = 0; i < categories.size(); i++) {
            update(c, "INSERT INTO article_category (article_id, ordinal, category_slug) VALUES (?, ?, ?)", id, i,
                    categories.get(i));
        }
        List<String> tags = (List<String>) a.get("tags");
        for (int i = 0; i < tags.size(); i++) {
            update(c, "INSERT INTO article_tag (article_id, ordinal, tag, tag_key) VALUES (?, ?, ?, ?)", id, i,
                    tags.get(i), tags.get(i).toLowerCase(Locale.ROOT));
        }
        if (withdrawn == null) {
            for (String feed : feeds(categories)) {
                update(c, "INSERT INTO feed_item (feed, published_at, article_id) VALUES (?, ?, ?)", feed,
                        utc(a.get("publishedAt")), id);
                update(c, "UPDATE feed_count SET visible = visible + 1, total = total + 1 WHERE feed = ?", feed);
                update(c, "INSERT INTO feed_count (feed, visible, total) SELECT ?, 1, 1 WHERE NOT EXISTS"
                        + " (SELECT 1 FROM feed_count WHERE feed = ?)", feed, feed);
            }
        }
    }

    private static List<String> feeds(List<String> categories) {
        List<String> feeds = new java.util.ArrayList<>(List.of("all"));
        categories.forEach(slug -> feeds.add("category:" + slug));
        return feeds;
    }

    /** Version 8's text lines: {@code <instant> TAB <text>}, backslash, tab and line breaks escaped. */
    private static String corrections(List<Map<String, Object>> corrections) {
        if (corrections.isEmpty()) {
            return null;
        }
        return corrections.stream().map(c -> c.get("at") + "\t" + ((String) c.get("text")).replace("\\", "\\\\")
                .replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")).collect(Collectors.joining("\n"));
    }

    /** Version 8's text lines: {@code width TAB height TAB mimeType TAB url}, "-" for unknown. */
    private static String renditions(List<Map<String, Object>> renditions) {
        if (renditions == null || renditions.isEmpty()) {
            return null;
        }
        return renditions.stream().map(r -> known(r.get("width")) + "\t" + known(r.get("height")) + "\t"
                + known(r.get("mimeType")) + "\t" + r.get("url")).collect(Collectors.joining("\n"));
    }

    private static String known(Object value) {
        return value == null ? "-" : value.toString();
    }
}
