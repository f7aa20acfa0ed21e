package io.broadsheet.config;

import io.broadsheet.input.XmlText;
import io.broadsheet.input.PlainText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of {@code broadsheet.yml} as snakeyaml read it, with its place in the file: each typed read checks the
 * value and names {@code <file>: <key path>: <problem>} when it is wrong, so that a section becomes its record in a
 * few calls. Unknown keys are refused when the mapping is opened.
 */
final class YamlMapping {

    private static final String DOCUMENT = "(document)";

    private final String file;
    private final String path;
    private final Map<String, Object> values;

    private YamlMapping(String file, String path, Map<String, Object> values) {
        this.file = file;
        this.path = path;
        this.values = values;
    }

    /** The whole document, which may hold only {@code allowed} keys. */
    static YamlMapping document(String file, Object root, Set<String> allowed) {
        return open(file, DOCUMENT, root == null ? Map.of() : root, allowed);
    }

    /** The mapping under {@code key}, which must be there. */
    YamlMapping mapping(String key, Set<String> allowed) {
        return open(file, where(key), require(key), allowed);
    }

    /** The mapping under {@code key}, or an empty one when the key is absent; {@code allowed} null allows any key. */
    YamlMapping optionalMapping(String key, Set<String> allowed) {
        return open(file, where(key), values.getOrDefault(key, Map.of()), allowed);
    }

    /** The mapping under {@code key}, or null when it is absent or empty. */
    YamlMapping mappingOrNull(String key, Set<String> allowed) {
        return values.get(key) == null ? null : mapping(key, allowed);
    }

    /** The keys in the file's order, each with its value. */
    Set<Map.Entry<String, Object>> entries() {
        return values.entrySet();
    }

    /** The mapping that is the value of one of this mapping's entries. */
    YamlMapping entry(String key, Set<String> allowed) {
        return open(file, where(key), values.get(key), allowed);
    }

    /** Required non-empty text. */
    String text(String key) {
        return text(require(key), where(key));
    }

    /** Non-empty text, or null when absent. */
    String optionalText(String key) {
        Object value = values.get(key);
        return value == null ? null : text(value, where(key));
    }

    /** Non-empty text, or {@code fallback} when the key is not written at all. */
    String textOr(String key, String fallback) {
        return values.containsKey(key) ? text(values.get(key), where(key)) : fallback;
    }

    /** The value as snakeyaml read it, or {@code fallback} when the key is not written at all. */
    Object raw(String key, Object fallback) {
        return values.getOrDefault(key, fallback);
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    int wholeNumber(String key, int fallback, int min, int max, String what) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer i) || i < min || i > max) {
            throw problem(key, "must be " + what + " from " + min + " to " + max + ", got '" + value + "'");
        }
        return i;
    }

    /** True or false; false when absent. */
    boolean flag(String key) {
        Object value = values.get(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean b)) {
            throw problem(key, "must be true or false, got '" + value + "'");
        }
        return b;
    }

    /** A constant of {@code type} by its name in lower case (the message lists them in declaration order), or {@code fallback}. */
    <E extends Enum<E>> E choice(String key, E fallback, Class<E> type) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            if (name.equals(String.valueOf(value))) {
                return constant;
            }
            names.add("'" + name + "'");
        }
        String listed = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw problem(key, "must be " + listed + ", got '" + value + "'");
    }

    /** A list of non-empty texts; empty when absent. */
    List<String> texts(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem(key, "must be a list");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(text(list.get(i), where(key) + "[" + i + "]"));
        }
        return out;
    }

    /** The path of {@code key} in the file, as problems name it. */
    String where(String key) {
        return DOCUMENT.equals(path) ? key : path + "." + key;
    }

    /** A problem with the value of {@code key}. */
    ConfigException problem(String key, String message) {
        return new ConfigException(file, where(key), message);
    }

    /** A problem with the value at {@code where}, a path {@link #where} gave. */
    ConfigException problemAt(String where, String message) {
        return new ConfigException(file, where, message);
    }

    private Object require(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw problem(key, "is required");
        }
        return value;
    }

    /** Checked text: not blank, no character XML 1.0 forbids, none the API's plain text refuses; stripped. */
    String text(Object value, String where) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)
                || String.valueOf(value).isBlank()) {
            throw problemAt(where, "must be non-empty text");
        }
        String text = String.valueOf(value).strip();
        int forbidden = XmlText.firstForbidden(text);
        if (forbidden >= 0) {
            throw problemAt(where, String.format("contains U+%04X at index %d, a control character or"
                    + " non-character that XML 1.0 forbids", (int) text.charAt(forbidden), forbidden));
        }
        int refused = PlainText.firstRefused(text);
        if (refused >= 0) {
            throw problemAt(where, PlainText.describe(text, refused));
        }
        return text;
    }

    private static YamlMapping open(String file, String path, Object value, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new ConfigException(file, path, "must be a mapping of keys to values");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : m.entrySet()) {
            if (!(entry.getKey() instanceof String k)) {
                throw new ConfigException(file, path, "key '" + entry.getKey() + "' must be text");
            }
            if (allowed != null && !allowed.contains(k)) {
                String where = DOCUMENT.equals(path) ? k : path + "." + k;
                throw new ConfigException(file, where, "unknown key; expected one of " + new TreeSet<>(allowed));
            }
            values.put(k, entry.getValue());
        }
        return new YamlMapping(file, path, values);
    }
}
