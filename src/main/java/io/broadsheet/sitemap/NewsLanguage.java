package io.broadsheet.sitemap;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code news:language} of a story: an ISO 639 code of two or three letters, {@code zh-cn} or {@code zh-tw}
 * (Google's rule), from the article's BCP 47 language, else the site's.
 * Spec: https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
final class NewsLanguage {

    private static final Pattern PRIMARY = Pattern.compile("[a-z]{2,3}");

    private NewsLanguage() {
    }

    /** The code for {@code language} (e.g. {@code en-GB}), falling back to {@code site}'s, then {@code en}. */
    static String of(String language, String site) {
        String code = code(language);
        if (code == null) {
            code = code(site);
        }
        return code == null ? "en" : code;
    }

    private static String code(String tag) {
        if (tag == null) {
            return null;
        }
        String[] parts = tag.toLowerCase(Locale.ROOT).split("[-_]");
        if (!PRIMARY.matcher(parts[0]).matches()) {
            return null;
        }
        if (!parts[0].equals("zh")) {
            return parts[0];
        }
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals("hant") || parts[i].equals("tw") || parts[i].equals("hk") || parts[i].equals("mo")) {
                return "zh-tw"; // Google names Traditional Chinese by Taiwan's code, Simplified by mainland China's
            }
        }
        return "zh-cn";
    }
}
