package io.broadsheet.config;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code broadsheet.yml}; every problem names the file, the key and what is wrong.
 * <p>
 * Each section becomes its record through {@link YamlMapping}, a typed view of snakeyaml's tree that names the key
 * path of every problem. The file is not bound through Micronaut or Serde: neither refuses unknown keys with the
 * keys it knows, checks ranges and text rules per key, or keeps a header's secret value out of its messages.
 */
public final class FeedsConfigLoader {

    public static final String FILE_NAME = "broadsheet.yml";
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ID_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Set<String> TOP_KEYS = Set.of("site", "defaults", "feeds", "websub", "cdn", "fediverse");
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
    /** A host name: dot-separated labels of letters, digits and inner hyphens (IDNs in their xn-- form). */
    private static final Pattern BLOCKED_DOMAIN = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)*"
            + "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_AGE_LIMIT = 86_400;

    private FeedsConfigLoader() {
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
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(path.toString(), "(file)", "not found; set BROADSHEET_CONFIG_DIR to the folder that holds " + FILE_NAME);
        }
        Object root;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | YAMLException e) {
            throw new ConfigException(path.toString(), "not readable YAML: " + e.getMessage(), e);
        }
        return read(path.toString(), YamlMapping.document(path.toString(), root, TOP_KEYS), baseUrlOverride, hubsOverride);
    }

    private static FeedsConfig read(String file, YamlMapping top, String baseUrlOverride, String hubsOverride) {
        SiteConfig site = site(top.mapping("site", SITE_KEYS), baseUrlOverride);
        YamlMapping defaults = top.optionalMapping("defaults", DEFAULT_KEYS);
        int defaultLimit = limit(defaults, 50);
        ContentMode defaultContent = defaults.choice("content", ContentMode.FULL, ContentMode.class);
        int defaultMaxAge = maxAge(defaults, 300);
        int tombstoneDays = defaults.wholeNumber("tombstone-days", 30, 1, 3650, "a whole number of days");
        boolean mediaRss15 = defaults.flag("media-rss-1-5");
        Map<String, FeedDefinition> feeds = new LinkedHashMap<>();
        YamlMapping named = top.optionalMapping("feeds", null);
        for (Map.Entry<String, Object> entry : named.entries()) {
            String name = entry.getKey();
            if (!SLUG.matcher(name).matches()) {
                throw named.problem(name, "a feed name is lower-case letters, digits and single hyphens");
            }
            if (name.equals(FeedsConfig.ALL)) {
                throw named.problem(name, "'all' is the built-in feed of every public article; give this"
                        + " feed another name");
            }
            YamlMapping f = named.entry(name, FEED_KEYS);
            feeds.put(name, new FeedDefinition(name, f.text("title"), f.optionalText("description"), slugs(f),
                    f.texts("tags"), limit(f, defaultLimit), f.choice("content", defaultContent, ContentMode.class),
                    maxAge(f, defaultMaxAge), f.choice("access", Access.PUBLIC, Access.class)));
        }
        return new FeedsConfig(site, defaultLimit, defaultContent, defaultMaxAge, feeds, hubs(top, hubsOverride),
                purgeWebhook(top), tombstoneDays, mediaRss15, blockedDomains(top), file);
    }

    /** {@code fediverse.blocked-domains}: host names in lower case, each blocking itself and its subdomains. */
    private static List<String> blockedDomains(YamlMapping top) {
        YamlMapping fediverse = top.optionalMapping("fediverse", Set.of("blocked-domains"));
        List<String> domains = new ArrayList<>();
        List<String> listed = fediverse.texts("blocked-domains");
        for (int i = 0; i < listed.size(); i++) {
            String domain = listed.get(i).strip().toLowerCase(Locale.ROOT);
            if (!BLOCKED_DOMAIN.matcher(domain).matches()) {
                throw fediverse.problem("blocked-domains[" + i + "]",
                        "must be a host name such as spam.example (its subdomains are blocked too), got '" + listed.get(i) + "'");
            }
            domains.add(domain);
        }
        return domains;
    }

    private static SiteConfig site(YamlMapping s, String baseUrlOverride) {
        String baseUrl = baseUrlOverride != null && !baseUrlOverride.isBlank() ? baseUrlOverride : s.text("base-url");
        URI base = absoluteUrl(s, s.where("base-url"), baseUrl);
        String title = s.text("title");
        Object rawDate = s.raw("id-date", "2022");
        // YAML reads an unquoted 2022-03-17 as a timestamp
        String idDate = rawDate instanceof Date d
                ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString() : String.valueOf(rawDate);
        if (!ID_DATE.matcher(idDate).matches()) {
            throw s.problem("id-date", "must be a date like 2022 or 2022-03-17 (RFC 4151), got '" + idDate + "'");
        }
        String icon = s.optionalText("icon");
        return new SiteConfig(
                title,
                s.text("description"),
                baseUrl.replaceAll("/+$", ""),
                s.textOr("language", "en"),
                icon == null ? null : absoluteUrl(s, s.where("icon"), icon),
                s.optionalText("copyright"),
                s.textOr("author", title),
                s.textOr("id-authority", base.getHost()),
                idDate);
    }

    private static List<URI> hubs(YamlMapping top, String hubsOverride) {
        List<URI> hubs = new ArrayList<>();
        if (hubsOverride != null && !hubsOverride.isBlank()) {
            for (String hub : hubsOverride.split(",")) {
                if (!hub.isBlank()) {
                    hubs.add(absoluteUrl(top, "BROADSHEET_WEBSUB_HUBS", hub.strip()));
                }
            }
            return hubs;
        }
        YamlMapping websub = top.optionalMapping("websub", Set.of("hubs"));
        List<String> urls = websub.texts("hubs");
        for (int i = 0; i < urls.size(); i++) {
            hubs.add(absoluteUrl(websub, websub.where("hubs[" + i + "]"), urls.get(i)));
        }
        return hubs;
    }

    private static PurgeWebhook purgeWebhook(YamlMapping top) {
        YamlMapping cdn = top.mappingOrNull("cdn", Set.of("purge"));
        if (cdn == null) {
            return null;
        }
        YamlMapping purge = cdn.mapping("purge", PURGE_KEYS);
        URI url = absoluteUrl(purge, purge.where("url"), purge.text("url"));
        return new PurgeWebhook(url, headers(purge), purge.choice("body", PurgeBody.KEYS, PurgeBody.class));
    }

    /** Header values are secrets: no problem report repeats them. */
    private static Map<String, String> headers(YamlMapping purge) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (purge.raw("headers", null) == null) {
            return headers;
        }
        YamlMapping given = purge.mapping("headers", null);
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, Object> entry : given.entries()) {
            String name = entry.getKey();
            if (!HEADER_NAME.matcher(name).matches()) {
                throw given.problem(name, "not a header name (letters, digits and !#$%&'*+-.^_`|~)");
            }
            if (FIXED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw given.problem(name, "cannot be set: Broadsheet or its HTTP client sets it");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw given.problem(name, "given twice (header names ignore case)");
            }
            String text = given.text(entry.getValue(), given.where(name));
            if (!HEADER_VALUE.matcher(text).matches()) {
                throw given.problem(name, "must be one line of printable ASCII (the value is not shown here)");
            }
            headers.put(name, text);
        }
        return headers;
    }

    /** An absolute http or https URL; {@code where} names it in problems: a key path, or the variable that set it. */
    private static URI absoluteUrl(YamlMapping at, String where, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw at.problemAt(where, "must be an absolute http or https URL, got '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw at.problemAt(where, "not a URL: " + e.getMessage());
        }
    }

    private static int limit(YamlMapping m, int fallback) {
        return m.wholeNumber("limit", fallback, 1, MAX_LIMIT, "a whole number");
    }

    private static int maxAge(YamlMapping m, int fallback) {
        return m.wholeNumber("max-age", fallback, 0, MAX_AGE_LIMIT, "a whole number of seconds");
    }

    private static List<String> slugs(YamlMapping feed) {
        List<String> out = feed.texts("categories");
        for (int i = 0; i < out.size(); i++) {
            if (!SLUG.matcher(out.get(i)).matches()) {
                throw feed.problemAt(feed.where("categories") + "[" + i + "]",
                        "'" + out.get(i) + "' is not a category slug ([a-z0-9]+(-[a-z0-9]+)*)");
            }
        }
        return out;
    }
}
