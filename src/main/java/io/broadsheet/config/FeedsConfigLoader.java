package io.broadsheet.config;

import io.broadsheet.input.XmlText;
import io.broadsheet.input.PlainText;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code broadsheet.yml}; every problem names the file, the key and what is wrong.
 */
public final class FeedsConfigLoader {

    public static final String FILE_NAME = "broadsheet.yml";
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ID_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Set<String> TOP_KEYS = Set.of("site", "defaults", "feeds", "websub", "cdn");
    private static final Set<String> SITE_KEYS = Set.of("title", "description", "base-url", "language",
            "icon", "copyright", "author", "id-authority", "id-date");
    private static final Set<String> DEFAULT_KEYS = Set.of("limit", "content", "max-age", "tombstone-days", "media-rss-1-5");
    private static final Set<String> FEED_KEYS = Set.of("title", "description", "categories", "tags",
            "limit", "content", "max-age", "access");
    private static final Set<String> PURGE_KEYS = Set.of("url", "headers", "body");
    /** RFC 9110 5.1: a field name is a token. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** One line of visible ASCII, spaces and tabs (RFC 9110 5.5, without obsolete text). */
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\t\\x20-\\x7E]+");
    /** Set by the HTTP client itself (Java's restricted headers), or by Broadsheet (the body is JSON). */
    private static final Set<String> FIXED_HEADERS = Set.of("connection", "content-length", "content-type", "expect",
            "host", "upgrade");
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_AGE_LIMIT = 86_400;

    private final String file;

    private FeedsConfigLoader(String file) {
        this.file = file;
    }

    /**
     * Loads {@code broadsheet.yml} from a directory.
     *
     * @param dir             the configuration directory
     * @param baseUrlOverride a base URL that replaces the file's {@code site.base-url}, or null
     */
    public static FeedsConfig load(Path dir, String baseUrlOverride) {
        return load(dir, baseUrlOverride, null);
    }

    /**
     * Loads {@code broadsheet.yml} from a directory.
     *
     * @param hubsOverride comma-separated WebSub hub URLs that replace the file's {@code websub.hubs}, or null
     */
    public static FeedsConfig load(Path dir, String baseUrlOverride, String hubsOverride) {
        Path path = dir.resolve(FILE_NAME);
        FeedsConfigLoader loader = new FeedsConfigLoader(path.toString());
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(path.toString(), "(file)", "not found; set BROADSHEET_CONFIG_DIR to the folder that holds " + FILE_NAME);
        }
        Object root;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | YAMLException e) {
            throw new ConfigException(path.toString(), "not readable YAML: " + e.getMessage(), e);
        }
        return loader.read(root, baseUrlOverride, hubsOverride);
    }

    private FeedsConfig read(Object root, String baseUrlOverride, String hubsOverride) {
        Map<String, Object> top = map(root == null ? Map.of() : root, "(document)", TOP_KEYS);
        SiteConfig site = readSite(map(require(top, "site", "(document)"), "site", SITE_KEYS), baseUrlOverride);
        Map<String, Object> defaults = map(top.getOrDefault("defaults", Map.of()), "defaults", DEFAULT_KEYS);
        int defaultLimit = limit(defaults.get("limit"), "defaults.limit", 50);
        ContentMode defaultContent = content(defaults.get("content"), "defaults.content", ContentMode.FULL);
        int defaultMaxAge = maxAge(defaults.get("max-age"), "defaults.max-age", 300);
        int tombstoneDays = wholeNumber(defaults.get("tombstone-days"), "defaults.tombstone-days", 30, 1, 3650,
                "a whole number of days");
        boolean mediaRss15 = flag(defaults.get("media-rss-1-5"), "defaults.media-rss-1-5");
        Map<String, FeedDefinition> feeds = new LinkedHashMap<>();
        Map<String, Object> feedMap = map(top.getOrDefault("feeds", Map.of()), "feeds", null);
        for (Map.Entry<String, Object> entry : feedMap.entrySet()) {
            String key = "feeds." + entry.getKey();
            if (!SLUG.matcher(entry.getKey()).matches()) {
                throw new ConfigException(file, key, "a feed name is lower-case letters, digits and single hyphens");
            }
            if (entry.getKey().equals(FeedsConfig.ALL)) {
                throw new ConfigException(file, key, "'all' is the built-in feed of every public article; give this"
                        + " feed another name");
            }
            Map<String, Object> f = map(entry.getValue(), key, FEED_KEYS);
            feeds.put(entry.getKey(), new FeedDefinition(entry.getKey(),
                    text(require(f, "title", key), key + ".title"),
                    optionalText(f.get("description"), key + ".description"),
                    slugs(f.get("categories"), key + ".categories"),
                    strings(f.get("tags"), key + ".tags"),
                    limit(f.get("limit"), key + ".limit", defaultLimit),
                    content(f.get("content"), key + ".content", defaultContent),
                    maxAge(f.get("max-age"), key + ".max-age", defaultMaxAge),
                    access(f.get("access"), key + ".access")));
        }
        return new FeedsConfig(site, defaultLimit, defaultContent, defaultMaxAge, feeds, hubs(top, hubsOverride),
                purgeWebhook(top.get("cdn")), tombstoneDays, mediaRss15, file);
    }

    private PurgeWebhook purgeWebhook(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> cdn = map(value, "cdn", Set.of("purge"));
        Map<String, Object> purge = map(require(cdn, "purge", "cdn"), "cdn.purge", PURGE_KEYS);
        URI url = absoluteUrl(text(require(purge, "url", "cdn.purge"), "cdn.purge.url"), "cdn.purge.url");
        return new PurgeWebhook(url, headers(purge.get("headers"), "cdn.purge.headers"),
                purgeBody(purge.get("body"), "cdn.purge.body"));
    }

    /** Header values are secrets: no problem report repeats them. */
    private Map<String, String> headers(Object value, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (value == null) {
            return headers;
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, Object> entry : map(value, key, null).entrySet()) {
            String name = entry.getKey();
            String where = key + "." + name;
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new ConfigException(file, where, "not a header name (letters, digits and !#$%&'*+-.^_`|~)");
            }
            if (FIXED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(file, where, "cannot be set: Broadsheet or its HTTP client sets it");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(file, where, "given twice (header names ignore case)");
            }
            String text = text(entry.getValue(), where);
            if (!HEADER_VALUE.matcher(text).matches()) {
                throw new ConfigException(file, where, "must be one line of printable ASCII (the value is not shown here)");
            }
            headers.put(name, text);
        }
        return headers;
    }

    private PurgeBody purgeBody(Object value, String key) {
        if (value == null) {
            return PurgeBody.KEYS;
        }
        return switch (String.valueOf(value)) {
            case "keys" -> PurgeBody.KEYS;
            case "fastly" -> PurgeBody.FASTLY;
            case "cloudflare" -> PurgeBody.CLOUDFLARE;
            default -> throw new ConfigException(file, key, "must be 'keys', 'fastly' or 'cloudflare', got '" + value + "'");
        };
    }

    private List<URI> hubs(Map<String, Object> top, String hubsOverride) {
        List<URI> hubs = new ArrayList<>();
        if (hubsOverride != null && !hubsOverride.isBlank()) {
            for (String hub : hubsOverride.split(",")) {
                if (!hub.isBlank()) {
                    hubs.add(absoluteUrl(hub.strip(), "BROADSHEET_WEBSUB_HUBS"));
                }
            }
            return hubs;
        }
        Map<String, Object> websub = map(top.getOrDefault("websub", Map.of()), "websub", Set.of("hubs"));
        List<String> urls = strings(websub.get("hubs"), "websub.hubs");
        for (int i = 0; i < urls.size(); i++) {
            hubs.add(absoluteUrl(urls.get(i), "websub.hubs[" + i + "]"));
        }
        return hubs;
    }

    private SiteConfig readSite(Map<String, Object> s, String baseUrlOverride) {
        String baseUrl = baseUrlOverride != null && !baseUrlOverride.isBlank()
                ? baseUrlOverride : text(require(s, "base-url", "site"), "site.base-url");
        URI base = absoluteUrl(baseUrl, "site.base-url");
        String title = text(require(s, "title", "site"), "site.title");
        Object rawDate = s.getOrDefault("id-date", "2022");
        // YAML reads an unquoted 2022-03-17 as a timestamp
        String idDate = rawDate instanceof java.util.Date d
                ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString() : String.valueOf(rawDate);
        if (!ID_DATE.matcher(idDate).matches()) {
            throw new ConfigException(file, "site.id-date", "must be a date like 2022 or 2022-03-17 (RFC 4151), got '" + idDate + "'");
        }
        String icon = optionalText(s.get("icon"), "site.icon");
        return new SiteConfig(
                title,
                text(require(s, "description", "site"), "site.description"),
                baseUrl.replaceAll("/+$", ""),
                text(s.getOrDefault("language", "en"), "site.language"),
                icon == null ? null : absoluteUrl(icon, "site.icon"),
                optionalText(s.get("copyright"), "site.copyright"),
                s.containsKey("author") ? text(s.get("author"), "site.author") : title,
                s.containsKey("id-authority") ? text(s.get("id-authority"), "site.id-authority") : base.getHost(),
                idDate);
    }

    private URI absoluteUrl(String value, String key) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new ConfigException(file, key, "must be an absolute http or https URL, got '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(file, key, "not a URL: " + e.getMessage());
        }
    }

    private Object require(Map<String, Object> m, String name, String parent) {
        Object value = m.get(name);
        if (value == null) {
            String key = "(document)".equals(parent) ? name : parent + "." + name;
            throw new ConfigException(file, key, "is required");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String key, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new ConfigException(file, key, "must be a mapping of keys to values");
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                throw new ConfigException(file, key, "key '" + k + "' must be text");
            }
            if (allowed != null && !allowed.contains(k)) {
                String where = "(document)".equals(key) ? (String) k : key + "." + k;
                throw new ConfigException(file, where, "unknown key; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
        return (Map<String, Object>) m;
    }

    private String text(Object value, String key) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)
                || String.valueOf(value).isBlank()) {
            throw new ConfigException(file, key, "must be non-empty text");
        }
        String text = String.valueOf(value).strip();
        int forbidden = XmlText.firstForbidden(text);
        if (forbidden >= 0) {
            throw new ConfigException(file, key, String.format("contains U+%04X at index %d, a control character or"
                    + " non-character that XML 1.0 forbids", (int) text.charAt(forbidden), forbidden));
        }
        int refused = PlainText.firstRefused(text);
        if (refused >= 0) {
            throw new ConfigException(file, key, PlainText.describe(text, refused));
        }
        return text;
    }

    private String optionalText(Object value, String key) {
        return value == null ? null : text(value, key);
    }

    private boolean flag(Object value, String key) {
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean b)) {
            throw new ConfigException(file, key, "must be true or false, got '" + value + "'");
        }
        return b;
    }

    private int limit(Object value, String key, int fallback) {
        return wholeNumber(value, key, fallback, 1, MAX_LIMIT, "a whole number");
    }

    private int maxAge(Object value, String key, int fallback) {
        return wholeNumber(value, key, fallback, 0, MAX_AGE_LIMIT, "a whole number of seconds");
    }

    private int wholeNumber(Object value, String key, int fallback, int min, int max, String what) {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer i) || i < min || i > max) {
            throw new ConfigException(file, key, "must be " + what + " from " + min + " to " + max + ", got '" + value + "'");
        }
        return i;
    }

    private Access access(Object value, String key) {
        if (value == null) {
            return Access.PUBLIC;
        }
        return switch (String.valueOf(value)) {
            case "public" -> Access.PUBLIC;
            case "partner" -> Access.PARTNER;
            default -> throw new ConfigException(file, key, "must be 'public' or 'partner', got '" + value + "'");
        };
    }

    private ContentMode content(Object value, String key, ContentMode fallback) {
        if (value == null) {
            return fallback;
        }
        return switch (String.valueOf(value)) {
            case "full" -> ContentMode.FULL;
            case "summary" -> ContentMode.SUMMARY;
            default -> throw new ConfigException(file, key, "must be 'full' or 'summary', got '" + value + "'");
        };
    }

    private List<String> strings(Object value, String key) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ConfigException(file, key, "must be a list");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(text(list.get(i), key + "[" + i + "]"));
        }
        return out;
    }

    private List<String> slugs(Object value, String key) {
        List<String> out = strings(value, key);
        for (int i = 0; i < out.size(); i++) {
            if (!SLUG.matcher(out.get(i)).matches()) {
                throw new ConfigException(file, key + "[" + i + "]", "'" + out.get(i) + "' is not a category slug ([a-z0-9]+(-[a-z0-9]+)*)");
            }
        }
        return out;
    }
}
