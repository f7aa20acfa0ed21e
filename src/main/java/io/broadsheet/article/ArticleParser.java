package io.broadsheet.article;

import io.broadsheet.article.model.ArticleImage;
import io.broadsheet.article.model.ArticleInput;
import io.broadsheet.article.model.Correction;
import io.broadsheet.article.model.ServerFields;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.input.JsonFields;
import io.micronaut.json.tree.JsonNode;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the article JSON of the API into an {@link ArticleInput}, or an {@link InvalidInputException}
 * listing every field that breaks a rule (types, required fields, lengths, URLs, dates, characters).
 */
public final class ArticleParser {

    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_SLUG = 200;
    static final int MAX_TITLE = 500;
    static final int MAX_SUMMARY = 5_000;
    static final int MAX_BODY = 1_048_576;
    static final int MAX_IMAGES = 50;
    static final int MAX_CATEGORIES = 20;
    static final int MAX_TAGS = 50;
    static final int MAX_AUTHORS = 50;
    static final int MAX_CORRECTION = 2_000;
    static final int MAX_REASON = 1_000;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern IMAGE_TYPE = Pattern.compile("image/[a-z0-9][a-z0-9.+-]*");
    private static final Set<String> FIELDS = Set.of("slug", "title", "summary", "body", "url", "authors",
            "categories", "tags", "language", "images", "publishedAt", "expiresAt", "correction");
    /**
     * Fields the server sets or derives: accepted and ignored, so that a GET answer can be sent back as a PUT and an
     * export imported as new articles; an import with preserve-ids reads them ({@link #parseKept}), except the derived
     * {@code link}.
     */
    private static final Set<String> SERVER_FIELDS = Set.of("id", "link", "createdAt", "updatedAt", "version",
            "withdrawn", "corrections");
    private static final Set<String> AUTHOR_FIELDS = Set.of("name", "url");
    private static final Set<String> IMAGE_FIELDS = Set.of("url", "mimeType", "width", "height", "length",
            "caption", "credit", "alt", "copyright", "license", "renditions");
    private static final Set<String> RENDITION_FIELDS = Set.of("url", "width", "height", "mimeType");
    static final int MAX_RENDITIONS = 20;

    private ArticleParser() {
    }

    public static ArticleInput parse(JsonNode json) {
        JsonFields f = new JsonFields();
        ArticleInput input = read(json, f);
        if (!f.errors().isEmpty()) {
            throw new InvalidInputException(f.errors());
        }
        return input;
    }

    /** A line of an export: the article and the fields the server had set on it, which preserve-ids keeps. */
    public record Kept(ArticleInput input, ServerFields fields) {
    }

    /**
     * An article with its {@code id}, {@code createdAt}, {@code updatedAt} (required) and {@code version} (0 when
     * absent), as an import with preserve-ids reads it; every broken field of both kinds is reported at once.
     */
    public static Kept parseKept(JsonNode json) {
        JsonFields f = new JsonFields();
        ArticleInput input = read(json, f);
        ServerFields fields = serverFields(json, f);
        if (!f.errors().isEmpty()) {
            throw new InvalidInputException(f.errors());
        }
        return new Kept(input, fields);
    }

    private static ArticleInput read(JsonNode json, JsonFields f) {
        if (json == null || !json.isObject()) {
            throw InvalidInputException.of("", "the body must be one JSON object (an article)");
        }
        f.rejectUnknown(json, "", FIELDS, SERVER_FIELDS);
        String title = f.text(json, "title", "title", MAX_TITLE, true);
        String slug = f.text(json, "slug", "slug", MAX_SLUG, false);
        if (slug != null && !SLUG.matcher(slug).matches()) {
            f.error("slug", "must be lower-case letters and digits in words joined by single hyphens, like 'kosovo-asks-biden'");
        }
        ArticleInput input = new ArticleInput(
                slug,
                title,
                f.text(json, "summary", "summary", MAX_SUMMARY, false),
                f.markup(json.get("body"), "body", MAX_BODY, false),
                f.url(json, "url", "url", false),
                authors(f, json),
                categories(f, json),
                tags(f, json),
                language(f, json),
                images(f, json),
                f.dateTime(json, "publishedAt", "publishedAt", true),
                f.dateTime(json, "expiresAt", "expiresAt", false),
                correction(f, json),
                json.get("withdrawn") != null && !json.get("withdrawn").isNull());
        if (input.expiresAt() != null && input.publishedAt() != null && !input.expiresAt().isAfter(input.publishedAt())) {
            f.error("expiresAt", "must be after publishedAt (" + input.publishedAt() + "), got " + input.expiresAt());
        }
        return input.slug() == null && input.title() != null ? input.withSlug(slugify(input.title())) : input;
    }

    private static ServerFields serverFields(JsonNode json, JsonFields f) {
        String needed = " with preserve-ids=true (as GET /api/articles/export writes it)";
        Long id = f.nonNegativeLong(json, "id", "id");
        if (id == null && (json.get("id") == null || json.get("id").isNull())) {
            f.error("id", "is required" + needed);
        } else if (id != null && id == 0) {
            f.error("id", "must be a positive whole number, got 0");
            id = null;
        }
        Instant createdAt = f.dateTime(json, "createdAt", "createdAt", false);
        Instant updatedAt = f.dateTime(json, "updatedAt", "updatedAt", false);
        for (String name : List.of("createdAt", "updatedAt")) {
            if (json.get(name) == null || json.get(name).isNull()) {
                f.error(name, "is required" + needed);
            }
        }
        if (createdAt != null && updatedAt != null && updatedAt.isBefore(createdAt)) {
            f.error("updatedAt", "must not be before createdAt (" + createdAt + "), got " + updatedAt);
        }
        Long version = f.nonNegativeLong(json, "version", "version");
        Instant withdrawnAt = null;
        String reason = null;
        JsonNode withdrawn = json.get("withdrawn");
        if (withdrawn != null && !withdrawn.isNull()) {
            if (!withdrawn.isObject()) {
                f.error("withdrawn", "must be an object with at and reason");
            } else {
                f.rejectUnknown(withdrawn, "withdrawn.", Set.of("at", "reason"), Set.of());
                withdrawnAt = f.dateTime(withdrawn, "at", "withdrawn.at", true);
                reason = f.text(withdrawn, "reason", "withdrawn.reason", MAX_REASON, true);
            }
        }
        List<Correction> corrections = new ArrayList<>();
        List<JsonNode> nodes = f.array(json, "corrections", "corrections", 1_000);
        for (int i = 0; i < nodes.size(); i++) {
            String path = "corrections[" + i + "]";
            if (!nodes.get(i).isObject()) {
                f.error(path, "must be an object with at and text");
                continue;
            }
            f.rejectUnknown(nodes.get(i), path + ".", Set.of("at", "text"), Set.of());
            Instant at = f.dateTime(nodes.get(i), "at", path + ".at", true);
            String text = f.text(nodes.get(i), "text", path + ".text", MAX_CORRECTION, true);
            if (at != null && text != null) {
                corrections.add(new Correction(at, text));
            }
        }
        if (id == null || createdAt == null || updatedAt == null) {
            return null;
        }
        return new ServerFields(id, createdAt, updatedAt, version == null ? 0 : version, withdrawnAt, reason,
                List.copyOf(corrections));
    }

    /** The reason of a withdrawal: {@code {"reason": "..."}}, required, plain text. */
    public static String withdrawalReason(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw InvalidInputException.of("", "the body must be one JSON object: {\"reason\": \"...\"}");
        }
        JsonFields f = new JsonFields();
        f.rejectUnknown(json, "", Set.of("reason"), Set.of());
        String reason = f.text(json, "reason", "reason", MAX_REASON, true);
        if (!f.errors().isEmpty()) {
            throw new InvalidInputException(f.errors());
        }
        return reason.strip();
    }

    private static String correction(JsonFields f, JsonNode json) {
        JsonNode node = json.get("correction");
        String text = f.text(json, "correction", "correction", MAX_CORRECTION, false);
        if (node != null && node.isString() && text != null && text.isBlank()) {
            f.error("correction", "must not be blank: leave it out when the write corrects nothing");
            return null;
        }
        return text == null ? null : text.strip();
    }

    /** A slug made from a title: ASCII letters and digits joined by single hyphens, at most 80 characters. */
    public static String slugify(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        slug = slug.substring(0, Math.min(80, slug.length())).replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "article-" + Integer.toUnsignedString(title.hashCode(), 36) : slug;
    }

    private static List<ArticleInput.Author> authors(JsonFields f, JsonNode json) {
        List<ArticleInput.Author> out = new ArrayList<>();
        List<JsonNode> nodes = f.array(json, "authors", "authors", MAX_AUTHORS);
        for (int i = 0; i < nodes.size(); i++) {
            String path = "authors[" + i + "]";
            JsonNode node = nodes.get(i);
            if (!node.isObject()) {
                f.error(path, "must be an object with a name and an optional url");
                continue;
            }
            f.rejectUnknown(node, path + ".", AUTHOR_FIELDS, Set.of());
            out.add(new ArticleInput.Author(f.text(node, "name", path + ".name", 200, true),
                    f.url(node, "url", path + ".url", false)));
        }
        return out;
    }

    private static List<String> categories(JsonFields f, JsonNode json) {
        if (json.get("categories") == null || json.get("categories").isNull()) {
            f.error("categories", "is required: at least one category slug, like [\"world\"]");
            return List.of();
        }
        List<JsonNode> nodes = f.array(json, "categories", "categories", MAX_CATEGORIES);
        if (json.get("categories").isArray() && json.get("categories").size() == 0) {
            f.error("categories", "must name at least one category");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String slug = node.isString() ? node.getStringValue() : null;
            if (slug == null || slug.length() > 100 || !SLUG.matcher(slug).matches()) {
                f.error("categories[" + i + "]", "must be a category slug ([a-z0-9]+(-[a-z0-9]+)*, at most 100 characters)");
            } else if (!out.contains(slug)) {
                out.add(slug);
            }
        }
        return out;
    }

    private static List<String> tags(JsonFields f, JsonNode json) {
        Map<String, String> byKey = new LinkedHashMap<>();
        List<JsonNode> nodes = f.array(json, "tags", "tags", MAX_TAGS);
        for (int i = 0; i < nodes.size(); i++) {
            String path = "tags[" + i + "]";
            String tag = f.string(nodes.get(i), path, 100, true);
            if (tag == null) {
                continue;
            }
            // lower-casing can lengthen text (U+0130 becomes two characters): the stored key must fit too
            if (tag.toLowerCase(Locale.ROOT).length() > 100) {
                f.error(path, "must be at most 100 characters once lower-cased");
                continue;
            }
            byKey.putIfAbsent(tag.strip().toLowerCase(Locale.ROOT), tag.strip());
        }
        return new ArrayList<>(byKey.values());
    }

    private static String language(JsonFields f, JsonNode json) {
        String language = f.text(json, "language", "language", 35, false);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            f.error("language", "must be a language tag like 'en' or 'pt-BR' (BCP 47), got '" + language + "'");
            return null;
        }
        return language;
    }

    private static List<ArticleInput.Image> images(JsonFields f, JsonNode json) {
        List<ArticleInput.Image> out = new ArrayList<>();
        List<JsonNode> nodes = f.array(json, "images", "images", MAX_IMAGES);
        for (int i = 0; i < nodes.size(); i++) {
            String path = "images[" + i + "]";
            JsonNode node = nodes.get(i);
            if (!node.isObject()) {
                f.error(path, "must be an object with at least a url");
                continue;
            }
            f.rejectUnknown(node, path + ".", IMAGE_FIELDS, Set.of());
            String mimeType = imageType(f, node, path);
            out.add(new ArticleInput.Image(
                    f.url(node, "url", path + ".url", true),
                    mimeType,
                    f.nonNegativeInt(node, "width", path + ".width"),
                    f.nonNegativeInt(node, "height", path + ".height"),
                    f.nonNegativeLong(node, "length", path + ".length"),
                    f.text(node, "caption", path + ".caption", 5_000, false),
                    f.text(node, "credit", path + ".credit", 500, false),
                    f.text(node, "alt", path + ".alt", 1_000, false),
                    f.text(node, "copyright", path + ".copyright", 500, false),
                    f.url(node, "license", path + ".license", false),
                    renditions(f, node, path)));
        }
        return out;
    }

    /** Other sizes of one picture: each a url with an optional width, height and mimeType. */
    private static List<ArticleImage.Rendition> renditions(JsonFields f, JsonNode image, String imagePath) {
        List<ArticleImage.Rendition> out = new ArrayList<>();
        List<JsonNode> nodes = f.array(image, "renditions", imagePath + ".renditions", MAX_RENDITIONS);
        for (int i = 0; i < nodes.size(); i++) {
            String path = imagePath + ".renditions[" + i + "]";
            JsonNode node = nodes.get(i);
            if (!node.isObject()) {
                f.error(path, "must be an object with at least a url, like {\"url\": \"https://...\", \"width\": 640}");
                continue;
            }
            f.rejectUnknown(node, path + ".", RENDITION_FIELDS, Set.of());
            String mimeType = imageType(f, node, path);
            out.add(new ArticleImage.Rendition(
                    f.url(node, "url", path + ".url", true),
                    f.nonNegativeInt(node, "width", path + ".width"),
                    f.nonNegativeInt(node, "height", path + ".height"),
                    mimeType));
        }
        return out;
    }

    private static String imageType(JsonFields f, JsonNode node, String path) {
        String mimeType = f.text(node, "mimeType", path + ".mimeType", 100, false);
        if (mimeType != null && !IMAGE_TYPE.matcher(mimeType).matches()) {
            f.error(path + ".mimeType", "must be an image media type like image/jpeg, got '" + mimeType + "'");
        }
        return mimeType;
    }
}
