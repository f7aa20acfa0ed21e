package io.broadsheet.move;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.broadsheet.article.ArticleParser;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.input.JsonFields;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The line that ends an export, {@code {"site": {...}}}: what the feeds depend on besides the articles. Its
 * presence also tells that the export is complete.
 *
 * @param site the state of the site when the export ended
 */
@Serdeable
public record SiteLine(Site site) {

    private static final int MANY = 1_000_000;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    /**
     * @param nextArticleId the id the next new article would have got: ids of deleted articles are never reused
     * @param categories    every category with its name and description (feed titles, item labels)
     * @param feedStates    when each feed, the site and the configuration last changed (Last-Modified, RSS
     *                      lastBuildDate, Atom updated)
     * @param partnerKeys   every partner key (digests only), so that partners' keys go on working
     */
    @Serdeable
    public record Site(long nextArticleId, List<CategoryState> categories, List<FeedState> feedStates,
                       List<PartnerKeyState> partnerKeys) {
    }

    /** A category. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CategoryState(String slug, String name, String description) {
    }

    /** When a feed ({@code name}), the site ({@code #site}) or the configuration ({@code #config}) last changed. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeedState(String name, Instant lastModified, String fingerprint) {
    }

    /** A partner key as stored: its SHA-256 digest, never the key. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartnerKeyState(long id, String name, String keyHash, String keyPrefix, List<String> feeds,
                                  Instant createdAt, Instant revokedAt, Instant lastUsedAt, long requestCount) {
    }

    /** Reads the value of a site line, or refuses it naming every broken field ({@code site.categories[2].name}). */
    public static Site read(JsonNode site) {
        if (!site.isObject()) {
            throw InvalidInputException.of("site", "must be an object, as the last line of GET /api/articles/export");
        }
        JsonFields f = new JsonFields();
        f.rejectUnknown(site, "site.", Set.of("nextArticleId", "categories", "feedStates", "partnerKeys"), Set.of());
        Long next = f.nonNegativeLong(site, "nextArticleId", "site.nextArticleId");
        if (next == null || next == 0) {
            f.error("site.nextArticleId", "must be a positive whole number");
        }
        Site read = new Site(next == null ? 1 : next, categories(f, site), feedStates(f, site), partnerKeys(f, site));
        if (!f.errors().isEmpty()) {
            throw new InvalidInputException(f.errors());
        }
        return read;
    }

    private static List<CategoryState> categories(JsonFields f, JsonNode site) {
        List<CategoryState> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> nodes = f.array(site, "categories", "site.categories", MANY);
        for (int i = 0; i < nodes.size(); i++) {
            String path = "site.categories[" + i + "]";
            if (!object(f, nodes.get(i), path, Set.of("slug", "name", "description"))) {
                continue;
            }
            String slug = f.text(nodes.get(i), "slug", path + ".slug", 100, true);
            if (slug != null && (!ArticleParser.SLUG.matcher(slug).matches() || !seen.add(slug))) {
                f.error(path + ".slug", "must be a category slug that no other entry has, got '" + slug + "'");
            }
            out.add(new CategoryState(slug, f.text(nodes.get(i), "name", path + ".name", 200, true),
                    f.text(nodes.get(i), "description", path + ".description", 5_000, false)));
        }
        return out;
    }

    private static List<FeedState> feedStates(JsonFields f, JsonNode site) {
        List<FeedState> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> nodes = f.array(site, "feedStates", "site.feedStates", MANY);
        for (int i = 0; i < nodes.size(); i++) {
            String path = "site.feedStates[" + i + "]";
            if (!object(f, nodes.get(i), path, Set.of("name", "lastModified", "fingerprint"))) {
                continue;
            }
            String name = f.text(nodes.get(i), "name", path + ".name", 200, true);
            if (name != null && !seen.add(name)) {
                f.error(path + ".name", "another entry already has the name '" + name + "'");
            }
            out.add(new FeedState(name, f.dateTime(nodes.get(i), "lastModified", path + ".lastModified", true),
                    f.text(nodes.get(i), "fingerprint", path + ".fingerprint", 64, false)));
        }
        return out;
    }

    private static List<PartnerKeyState> partnerKeys(JsonFields f, JsonNode site) {
        List<PartnerKeyState> out = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        Set<String> digests = new HashSet<>();
        List<JsonNode> nodes = f.array(site, "partnerKeys", "site.partnerKeys", MANY);
        for (int i = 0; i < nodes.size(); i++) {
            String path = "site.partnerKeys[" + i + "]";
            JsonNode key = nodes.get(i);
            if (!object(f, key, path, Set.of("id", "name", "keyHash", "keyPrefix", "feeds", "createdAt", "revokedAt",
                    "lastUsedAt", "requestCount"))) {
                continue;
            }
            Long id = f.nonNegativeLong(key, "id", path + ".id");
            if (id == null || id == 0 || !ids.add(id)) {
                f.error(path + ".id", "must be a positive whole number that no other key has");
            }
            String digest = f.text(key, "keyHash", path + ".keyHash", 64, true);
            if (digest != null && (!DIGEST.matcher(digest).matches() || !digests.add(digest))) {
                f.error(path + ".keyHash", "must be a SHA-256 digest in lower-case hex that no other key has");
            }
            List<String> feeds = new ArrayList<>();
            List<JsonNode> feedNodes = f.array(key, "feeds", path + ".feeds", MANY);
            for (int j = 0; j < feedNodes.size(); j++) {
                feeds.add(f.string(feedNodes.get(j), path + ".feeds[" + j + "]", 200, true));
            }
            Long requests = f.nonNegativeLong(key, "requestCount", path + ".requestCount");
            out.add(new PartnerKeyState(id == null ? 0 : id, f.text(key, "name", path + ".name", 200, true), digest,
                    f.text(key, "keyPrefix", path + ".keyPrefix", 16, true), feeds,
                    f.dateTime(key, "createdAt", path + ".createdAt", true),
                    f.dateTime(key, "revokedAt", path + ".revokedAt", false),
                    f.dateTime(key, "lastUsedAt", path + ".lastUsedAt", false), requests == null ? 0 : requests));
        }
        return out;
    }

    private static boolean object(JsonFields f, JsonNode node, String path, Set<String> fields) {
        if (!node.isObject()) {
            f.error(path, "must be an object");
            return false;
        }
        f.rejectUnknown(node, path + ".", fields, Set.of());
        return true;
    }
}
