package io.broadsheet.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every link of a set of Markdown files the way GitHub renders them: a relative link names a file or folder
 * of the repository, an {@code #anchor} names a heading of its target, an absolute {@code http(s)} link is a
 * well-formed URL (never fetched). Each problem is reported as {@code file:line: message}.
 */
final class MarkdownLinks {

    /** {@code ](target)} or {@code ](target "title")}: the end of every inline link and image. */
    private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*<?([^()\\s<>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code <https://...>}: an autolink. */
    private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]*)>");
    /** {@code [label]: target}: a reference definition. */
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ID = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
    private static final Pattern LINK_TEXT = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    private final Path root;
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    /** @param root the repository's root: relative links may not leave it */
    MarkdownLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Every broken link of these files, as {@code path:line: message}, paths relative to the root. */
    List<String> check(List<Path> files) {
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = prose(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String target : targets(lines.get(i))) {
                    String problem = problem(file, target);
                    if (problem != null) {
                        problems.add(relative(file) + ":" + (i + 1) + ": (" + target + ") " + problem);
                    }
                }
            }
        }
        return problems;
    }

    /** The file's lines with fenced code blocks blanked and code spans removed, so code never counts as a link. */
    private static List<String> prose(Path file) {
        List<String> out = new ArrayList<>();
        boolean inFence = false;
        for (String line : read(file)) {
            boolean fence = FENCE.matcher(line).find();
            out.add(inFence || fence ? "" : CODE_SPAN.matcher(line).replaceAll(""));
            inFence ^= fence;
        }
        return out;
    }

    private static List<String> targets(String line) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE, AUTOLINK, REFERENCE)) {
            Matcher m = pattern.matcher(line);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private String problem(Path file, String target) {
        if (target.isEmpty()) {
            return "empty link target";
        }
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return urlProblem(target);
        }
        if (lower.startsWith("mailto:")) {
            return null;
        }
        if (target.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return "a scheme other than http, https or mailto";
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? file.toAbsolutePath().normalize() : resolve(file, path);
        if (resolved == null || !resolved.startsWith(root)) {
            return "points outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file: " + relative(resolved);
        }
        return anchor == null ? null : anchorProblem(resolved, anchor);
    }

    private Path resolve(Path file, String path) {
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path base = decoded.startsWith("/") ? root : file.toAbsolutePath().getParent();
        return base.resolve(decoded.replaceFirst("^/+", "")).normalize();
    }

    private static String urlProblem(String target) {
        try {
            URI uri = new URI(target);
            return uri.getHost() == null || uri.getHost().isEmpty() ? "an http(s) URL without a host" : null;
        } catch (URISyntaxException e) {
            return "not a well-formed URL: " + e.getMessage();
        }
    }

    private String anchorProblem(Path target, String anchor) {
        if (Files.isDirectory(target) || !target.toString().endsWith(".md")) {
            return "an anchor on a file that is not Markdown: " + relative(target);
        }
        String wanted = URLDecoder.decode(anchor, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        Set<String> known = anchors.computeIfAbsent(target, MarkdownLinks::anchorsOf);
        return known.contains(wanted) ? null : "no heading '#" + anchor + "' in " + relative(target);
    }

    /** The anchors GitHub gives a file's headings (duplicates suffixed -1, -2, ...) and its HTML ids. */
    static Set<String> anchorsOf(Path file) {
        Set<String> found = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : read(file)) {
            boolean fence = FENCE.matcher(line).find();
            if (!inFence && !fence) {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    String slug = slug(heading.group(1));
                    int count = seen.merge(slug, 1, Integer::sum);
                    found.add(count == 1 ? slug : slug + "-" + (count - 1));
                }
                Matcher id = HTML_ID.matcher(line);
                while (id.find()) {
                    found.add(id.group(1).toLowerCase(Locale.ROOT));
                }
            }
            inFence ^= fence;
        }
        return found;
    }

    /** GitHub's heading slug: link text kept, lower case, punctuation dropped, each space a hyphen. */
    static String slug(String heading) {
        String text = LINK_TEXT.matcher(heading).replaceAll("$1").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
    }

    private String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
