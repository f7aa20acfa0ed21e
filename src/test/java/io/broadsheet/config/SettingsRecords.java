package io.broadsheet.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Property;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every {@code broadsheet.*} setting, found by reflection over the {@code @ConfigurationProperties} records of the
 * compiled {@code io.broadsheet} classes: the key each record component binds to, as Micronaut derives it.
 */
final class SettingsRecords {

    /** One setting: its key, and the record component that holds it. */
    record Setting(String key, Class<?> owner, RecordComponent component) {
    }

    private SettingsRecords() {
    }

    static List<Setting> all() {
        List<Setting> settings = new ArrayList<>();
        for (Class<?> type : records()) {
            String prefix = prefix(type);
            RecordComponent[] components = type.getRecordComponents();
            Parameter[] parameters = canonicalParameters(type, components);
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType().isAnnotationPresent(ConfigurationProperties.class)) {
                    continue;
                }
                Property named = parameters[i].getAnnotation(Property.class);
                String key = named != null ? named.name() : prefix + "." + kebab(components[i].getName());
                settings.add(new Setting(key, type, components[i]));
            }
        }
        settings.sort(Comparator.comparing(Setting::key));
        return settings;
    }

    /** The records annotated {@code @ConfigurationProperties} among the compiled classes of io.broadsheet. */
    static List<Class<?>> records() {
        Path root = classesRoot();
        try (Stream<Path> files = Files.walk(root.resolve("io/broadsheet"))) {
            return files.map(root::relativize).map(Path::toString).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(SettingsRecords::load)
                    .filter(type -> type.isRecord() && type.isAnnotationPresent(ConfigurationProperties.class))
                    .sorted(Comparator.comparing(Class::getName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String prefix(Class<?> type) {
        String own = type.getAnnotation(ConfigurationProperties.class).value();
        Class<?> outer = type.getEnclosingClass();
        return outer != null && outer.isAnnotationPresent(ConfigurationProperties.class) ? prefix(outer) + "." + own : own;
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Parameter[] canonicalParameters(Class<?> type, RecordComponent[] components) {
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).getParameters();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has its canonical constructor: " + type, e);
        }
    }

    private static Path classesRoot() {
        try {
            return Path.of(SettingRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SettingsRecords.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
