package io.broadsheet.feed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broadsheet's {@code rome.properties} can be appended to rome-modules' in the shaded jar (pom.xml) only while no
 * key is in both: a repeated key would leave one file's generators out.
 */
class RomePropertiesTest {

    @Test
    void broadsheetsRomeKeysAreUsedByNoOtherRomePropertiesFile() throws IOException {
        List<URL> files = Collections.list(getClass().getClassLoader().getResources("rome.properties"));
        Set<String> ours = new HashSet<>();
        Set<String> others = new HashSet<>();
        for (URL file : files) {
            Properties properties = new Properties();
            try (InputStream in = file.openStream()) {
                properties.load(in);
            }
            (file.getPath().contains("rome-modules") ? others : ours).addAll(properties.stringPropertyNames());
        }
        assertTrue(!others.isEmpty(), "rome-modules' rome.properties on the classpath; found " + files);
        assertEquals(Set.of("broadsheet_rss_2.0.feed.ModuleGenerator.classes",
                "broadsheet_rss_2.0.item.ModuleGenerator.classes", "broadsheet_atom_1.0.feed.ModuleGenerator.classes",
                "broadsheet_atom_1.0.item.ModuleGenerator.classes"), ours, "Broadsheet's keys in " + files);
        Set<String> shared = new HashSet<>(ours);
        shared.retainAll(others);
        assertEquals(Set.of(), shared, "keys in both files");
    }
}
