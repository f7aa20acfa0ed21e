package io.broadsheet.input;

import io.micronaut.json.tree.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed values out of a JSON object and collects every problem with its field path,
 * so that one answer lists all that is wrong with a request.
 */
public final class JsonFields {

    /** Longest URL accepted anywhere. */
    public static final int MAX_URL = 2048;

    private final List<FieldError> errors = new ArrayList<>();

    public List<FieldError> errors() {
        return errors;
    }

    public void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Reports every member of {@code node} that is neither allowed nor ignored. */
    public void rejectUnknown(JsonNode node, String prefix, Set<String> allowed, Set<String> ignored) {
        for (Map.Entry<String, JsonNode> member : node.entries()) {
            if (!allowed.contains(member.getKey()) && !ignored.contains(member.getKey())) {
                error(prefix + member.getKey(), "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    /** Plain text ({@link PlainText}) of at most {@code max} characters, null when absent or JSON null. */
    public String text(JsonNode object, String name, String path, int max, boolean required) {
        return string(object.get(name), path, max, required);
    }

    /** The same checks for a value that is not an object member, such as an array element. */
    public String string(JsonNode node, String path, int max, boolean required) {
        String value = markup(node, path, max, required);
        int refused = value == null ? -1 : PlainText.firstRefused(value);
        if (refused >= 0) {
            error(path, PlainText.describe(value, refused));
            return null;
        }
        return value;
    }

    /**
     * HTML of at most {@code max} characters: what XML allows, bidi controls and line separators included (markup
     * sets direction with {@code dir}; the sanitiser decides what else stays). Null when absent or JSON null.
     */
    public String markup(JsonNode node, String path, int max, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                error(path, "is required");
            }
            return null;
        }
        if (!node.isString()) {
            error(path, "must be a string");
            return null;
        }
        String value = node.getStringValue();
        if (required && value.isBlank()) {
            error(path, "must not be blank");
            return null;
        }
        if (value.length() > max) {
            error(path, "must be at most " + max + " characters, got " + value.length());
            return null;
        }
        if (XmlText.firstForbidden(value) >= 0) {
            error(path, "contains a control character or non-character that XML 1.0 forbids (" + firstForbidden(value) + ")");
            return null;
        }
        return value;
    }

    /** A non-negative whole number, null when absent. */
    public Integer nonNegativeInt(JsonNode object, String name, String path) {
        Long value = nonNegativeLong(object, name, path);
        if (value != null && value > Integer.MAX_VALUE) {
            error(path, "must be at most " + Integer.MAX_VALUE);
            return null;
        }
        return value == null ? null : value.intValue();
    }

    /** A non-negative whole number, null when absent. */
    public Long nonNegativeLong(JsonNode object, String name, String path) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !isWhole(node.getNumberValue())) {
            error(path, "must be a whole number");
            return null;
        }
        long value = node.getNumberValue().longValue();
        if (value < 0) {
            error(path, "must not be negative, got " + value);
            return null;
        }
        return value;
    }

    /** An absolute http(s) URL, returned in its ASCII form (non-ASCII percent-encoded). */
    public String url(JsonNode object, String name, String path, boolean required) {
        String value = text(object, name, path, MAX_URL, required);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                error(path, "must be an absolute http or https URL, got '" + value + "'");
                return null;
            }
            String ascii = uri.toASCIIString();
            if (ascii.length() > MAX_URL) {
                error(path, "must be at most " + MAX_URL + " characters once percent-encoded");
                return null;
            }
            return ascii;
        } catch (URISyntaxException e) {
            error(path, "is not a valid URL: " + e.getReason());
            return null;
        }
    }

    /** An RFC 3339 date-time with an offset, e.g. {@code 2022-03-17T09:42:00Z}. */
    public Instant dateTime(JsonNode object, String name, String path, boolean required) {
        String value = text(object, name, path, 64, required);
        if (value == null) {
            return null;
        }
        try {
            OffsetDateTime date = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (date.getYear() < 1 || date.getYear() > 9999 || !value.matches("\\d{4}-.*")) {
                error(path, "must have a four-digit year from 0001 to 9999 (RFC 3339); got '" + value + "'");
                return null;
            }
            return date.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what databases keep
        } catch (DateTimeParseException e) {
            error(path, "must be an RFC 3339 date-time with an offset, like 2022-03-17T09:42:00Z; got '" + value + "'");
            return null;
        }
    }

    /** The elements of an array member, empty when absent; null (and an error) when not an array or too long. */
    public List<JsonNode> array(JsonNode object, String name, String path, int max) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            error(path, "must be an array");
            return List.of();
        }
        if (node.size() > max) {
            error(path, "must have at most " + max + " entries, got " + node.size());
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        node.values().forEach(out::add);
        return out;
    }

    private static boolean isWhole(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigInteger && ((java.math.BigInteger) n).bitLength() < 64;
    }

    private static String firstForbidden(String value) {
        int i = XmlText.firstForbidden(value);
        return String.format("U+%04X at index %d", (int) value.charAt(i), i);
    }
}
