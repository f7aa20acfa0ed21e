package io.broadsheet.config;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/configuration.md lists exactly the settings the records bind, with their variables and defaults. */
class DocumentedSettingsTest {

    private static final Path DOC = Path.of("docs/configuration.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(broadsheet\\.[a-z0-9.-]+)` \\| `([A-Z0-9_]+)` \\| ([^|]+) \\|");
    private static final Pattern FIRST_CODE = Pattern.compile("`([^`]*)`");

    @Test
    void everySettingOfTheRecordsIsInTheReference() throws IOException {
        TreeSet<String> missing = new TreeSet<>(keys());
        missing.removeAll(documented().keySet());
        assertTrue(missing.isEmpty(), "expected every setting in " + DOC + ", missing: " + missing);
    }

    @Test
    void everySettingInTheReferenceIsBoundByARecord() throws IOException {
        TreeSet<String> stale = new TreeSet<>(documented().keySet());
        stale.removeAll(keys());
        assertTrue(stale.isEmpty(), "expected only settings the records bind in " + DOC + ", no longer bound: " + stale);
    }

    @Test
    void eachSettingIsDocumentedWithTheVariableThatSetsIt() throws IOException {
        for (Map.Entry<String, String[]> row : documented().entrySet()) {
            assertEquals(SettingRules.environmentVariable(row.getKey()), row.getValue()[0],
                    "the environment variable of " + row.getKey() + " in " + DOC);
        }
    }

    @Test
    void eachDocumentedDefaultIsTheOneApplicationYmlSets() throws IOException {
        Map<String, Object> defaults = defaults();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String[]> row : documented().entrySet()) {
            Object value = defaults.get(row.getKey());
            String expected = value == null || "".equals(value) ? "none" : "`" + value + "`";
            Matcher code = FIRST_CODE.matcher(row.getValue()[1]);
            String actual = row.getValue()[1].strip().startsWith("none") ? "none"
                    : code.find() ? "`" + code.group(1) + "`" : row.getValue()[1].strip();
            if (!expected.equals(actual)) {
                wrong.add(row.getKey() + ": application.yml " + expected + ", " + DOC + " " + actual);
            }
        }
        assertTrue(wrong.isEmpty(), "expected the defaults of application.yml in " + DOC + ", got: " + wrong);
    }

    @Test
    void theRecordsAreFoundAndEachKeyIsBoundOnce() {
        List<String> keys = keys();
        assertFalse(keys.isEmpty(), "expected settings records under io.broadsheet");
        assertEquals(new TreeSet<>(keys).size(), keys.size(), "a key bound by two records: " + keys);
        assertTrue(keys.contains("broadsheet.renders.wait"), "a component named by @Property binds its name: " + keys);
        assertTrue(keys.contains("broadsheet.site.base-url"), "a nested record binds under its parent: " + keys);
    }

    private static List<String> keys() {
        return SettingsRecords.all().stream().map(SettingsRecords.Setting::key).toList();
    }

    /** Key to its variable and its default cell, from the tables' rows. */
    private static Map<String, String[]> documented() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher row = ROW.matcher(line);
            if (row.find() && rows.put(row.group(1), new String[] {row.group(2), row.group(3)}) != null) {
                throw new AssertionError(row.group(1) + " is documented twice in " + DOC);
            }
        }
        return rows;
    }

    /** The broadsheet.* keys of application.yml, flattened, with their values. */
    private static Map<String, Object> defaults() throws IOException {
        try (InputStream in = DocumentedSettingsTest.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("broadsheet", yaml.get("broadsheet"), flat);
            return flat;
        }
    }

    private static void flatten(String prefix, Object value, Map<String, Object> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix + "." + k, v, into));
        } else {
            into.put(prefix, value);
        }
    }
}
