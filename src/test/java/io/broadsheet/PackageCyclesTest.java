package io.broadsheet;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arrows between the main code's packages point one way: no package reaches itself again through its imports.
 * A package and its subpackages are separate packages; a simple name of the same package needs no import and draws
 * no arrow.
 */
class PackageCyclesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(io\\.broadsheet\\.[\\w.]+)\\s*;",
            Pattern.MULTILINE);

    /** Package -> imported package -> the imports that draw the arrow ("FeedCache imports cluster.Notice"). */
    private final Map<String, Map<String, Set<String>>> arrows = new TreeMap<>();

    @Test
    void noPackageOfTheMainCodeImportsItselfThroughOthers() {
        readMainSources();
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : new StronglyConnected(arrows).components()) {
            if (component.size() > 1) {
                cycles.add(describe(component));
            }
        }
        assertEquals(List.of(), cycles, "expected no import cycle between packages, found " + cycles.size());
    }

    @Test
    void theMainSourcesAreRead() {
        readMainSources();
        assertTrue(arrows.size() > 10, "expected more than 10 packages under " + MAIN.toAbsolutePath()
                + ", found " + arrows.keySet());
    }

    private void readMainSources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(this::read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher pkg = PACKAGE.matcher(source);
        if (!pkg.find()) {
            return;
        }
        String from = pkg.group(1);
        Map<String, Set<String>> targets = arrows.computeIfAbsent(from, p -> new TreeMap<>());
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String to = packageOf(imports.group(1));
            if (!to.equals(from)) {
                String fileName = file.getFileName().toString();
                targets.computeIfAbsent(to, p -> new TreeSet<>())
                        .add(fileName.substring(0, fileName.length() - ".java".length()) + " imports " + imports.group(1));
            }
        }
    }

    /** The leading lower-case names of an import: the package ({@code io.broadsheet.feed.FeedCache.Entry} -> feed). */
    static String packageOf(String imported) {
        String[] parts = imported.split("\\.");
        int i = 0;
        while (i < parts.length && Character.isLowerCase(parts[i].charAt(0))) {
            i++;
        }
        return String.join(".", List.of(parts).subList(0, i));
    }

    /** One cycle of the component, with the imports that close it: "a -> b -> a (a.X imports b.Y; ...)". */
    private String describe(Set<String> component) {
        List<String> path = new StronglyConnected(arrows).cycleThrough(component);
        List<String> why = new ArrayList<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            why.add(path.get(i) + ": " + arrows.get(path.get(i)).get(path.get(i + 1)).iterator().next());
        }
        return String.join(" -> ", path) + " (" + String.join("; ", why) + "); all packages of this circle: "
                + component;
    }

    /** The strongly connected components of a directed graph (Tarjan), and one cycle through a component. */
    static final class StronglyConnected {

        private final Map<String, ? extends Map<String, ?>> arrows;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        StronglyConnected(Map<String, ? extends Map<String, ?>> arrows) {
            this.arrows = arrows;
        }

        List<Set<String>> components() {
            for (String node : new TreeSet<>(arrows.keySet())) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : targets(node)) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                components.add(component);
            }
        }

        /** A shortest walk from the component's first node back to itself, staying inside the component. */
        List<String> cycleThrough(Set<String> component) {
            String start = component.iterator().next();
            Map<String, String> cameFrom = new LinkedHashMap<>();
            Deque<String> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                String node = queue.poll();
                for (String next : targets(node)) {
                    if (next.equals(start)) {
                        return walkBack(cameFrom, node, start);
                    }
                    if (component.contains(next) && !cameFrom.containsKey(next)) {
                        cameFrom.put(next, node);
                        queue.add(next);
                    }
                }
            }
            throw new IllegalStateException("no cycle through " + start + " in " + component);
        }

        private static List<String> walkBack(Map<String, String> cameFrom, String last, String start) {
            List<String> path = new ArrayList<>(List.of(start));
            for (String node = last; !node.equals(start); node = cameFrom.get(node)) {
                path.add(1, node);
            }
            path.add(start);
            return path;
        }

        private Set<String> targets(String node) {
            Map<String, ?> out = arrows.get(node);
            return out == null ? Set.of() : new TreeSet<>(out.keySet());
        }
    }
}
