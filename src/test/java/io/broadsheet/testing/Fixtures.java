package io.broadsheet.testing;

import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Articles whose every value names itself ("a1-img2-caption"), so that a misplaced value is obvious. */
public final class Fixtures {

    private Fixtures() {
    }

    /** An article {@code key} with two images, one author, the given categories and a tag {@code key-tag}. */
    public static Map<String, Object> article(String key, String publishedAt, String... categories) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("slug", key);
        a.put("title", key + "-title");
        a.put("summary", key + "-summary");
        a.put("body", "<p>" + key + "-body</p>");
        a.put("url", "https://news.example.com/stories/" + key);
        a.put("authors", List.of(Map.of("name", key + "-author", "url", "https://news.example.com/people/" + key)));
        a.put("categories", List.of(categories));
        a.put("tags", new ArrayList<>(List.of(key + "-tag")));
        a.put("language", "en");
        a.put("images", List.of(image(key, 1), image(key, 2)));
        a.put("publishedAt", publishedAt);
        return a;
    }

    public static Map<String, Object> image(String key, int n) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("url", "https://media.example.com/" + key + "-img" + n + ".jpg");
        i.put("mimeType", "image/jpeg");
        i.put("width", 1200);
        i.put("height", 800);
        i.put("length", 100_000 + n);
        i.put("caption", key + "-img" + n + "-caption");
        i.put("credit", key + "-img" + n + "-credit");
        i.put("alt", key + "-img" + n + "-alt");
        return i;
    }

    /** The same map with some members replaced (a null value removes the member). */
    public static Map<String, Object> with(Map<String, Object> article, Object... keyValues) {
        Map<String, Object> copy = new LinkedHashMap<>(article);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                copy.remove((String) keyValues[i]);
            } else {
                copy.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return copy;
    }

    public static String json(Object value) {
        try {
            return ObjectMapper.getDefault().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
