package io.broadsheet.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The documentation's links lead somewhere, and the README stays short enough to read first. */
class MarkdownLinksTest {

    private static final int README_MAX_LINES = 160;

    @TempDir
    Path tmp;

    @Test
    void everyLinkOfTheReadmeContributingAndDocsResolves() throws IOException {
        Path root = repositoryRoot();
        List<Path> files = documentation(root);
        assertTrue(files.size() >= 3, "expected README.md, CONTRIBUTING.md and docs/*.md, found " + files);

        List<String> problems = new MarkdownLinks(root).check(files);

        assertEquals(List.of(), problems, "broken links (file:line: (target) problem)");
    }

    @Test
    void readmeHasAtMost160Lines() throws IOException {
        long lines = Files.readAllLines(repositoryRoot().resolve("README.md")).size();

        assertTrue(lines <= README_MAX_LINES,
                "expected README.md to have at most " + README_MAX_LINES + " lines, it has " + lines);
    }

    @Test
    void brokenFileLinkIsReportedWithFileAndLine() throws IOException {
        Path readme = write("README.md", "# Title\n\nSee [the guide](docs/guide.md).\n");

        List<String> problems = new MarkdownLinks(tmp).check(List.of(readme));

        assertEquals(List.of("README.md:3: (docs/guide.md) no such file: docs/guide.md"), problems);
    }

    @Test
    void missingImageAndUnknownAnchorAreReported() throws IOException {
        write("docs/api.md", "# API\n\n## Errors and limits\n");
        Path readme = write("README.md", """
                # Title
                ![A screenshot](docs/shot.png)
                [errors](docs/api.md#errors-and-limits) and [nothing](docs/api.md#no-such-heading)
                [here](#title) and [not here](#elsewhere)
                """);

        List<String> problems = new MarkdownLinks(tmp).check(List.of(readme));

        assertEquals(List.of(
                "README.md:2: (docs/shot.png) no such file: docs/shot.png",
                "README.md:3: (docs/api.md#no-such-heading) no heading '#no-such-heading' in docs/api.md",
                "README.md:4: (#elsewhere) no heading '#elsewhere' in README.md"), problems);
    }

    @Test
    void malformedHttpLinkIsReportedAndNoneIsFetched() throws IOException {
        Path readme = write("README.md", """
                [fine](https://example.invalid/never/fetched) and <https://example.invalid/x>
                [broken](https://example.com/a|b) and [no host](https:///path)
                """);

        List<String> problems = new MarkdownLinks(tmp).check(List.of(readme));

        assertEquals(2, problems.size(), "expected the two bad URLs of line 2, got " + problems);
        assertTrue(problems.stream().allMatch(p -> p.startsWith("README.md:2: ")), "got " + problems);
    }

    @Test
    void linksInCodeAndLinksToExistingFilesFoldersAndHeadingsPass() throws IOException {
        write("bench/RESULTS.md", "# Results\n\n## Several instances: PostgreSQL, 2 cores\n");
        Path readme = write("docs/ops.md", """
                # Ops
                [results](../bench/RESULTS.md#several-instances-postgresql-2-cores), [bench](../bench/),
                [root-relative](/bench/RESULTS.md), [mail](mailto:desk@example.com)
                `[not a link](nowhere.md)`
                ```
                [not a link either](nowhere.md)
                ```
                """);

        assertEquals(List.of(), new MarkdownLinks(tmp).check(List.of(readme)));
    }

    @Test
    void headingSlugsFollowGitHubsRules() {
        assertEquals("for-aggregators-caching-paging-websub-deltas",
                MarkdownLinks.slug("For aggregators: caching, paging, WebSub, deltas"));
        assertEquals("moving-from-h2-to-postgresql", MarkdownLinks.slug("Moving from H2 to PostgreSQL"));
        assertEquals("the-api-apicalls_here", MarkdownLinks.slug("The [API](api.md) `/api`calls_here"));
    }

    @Test
    void repeatedHeadingsGetNumberedAnchors() throws IOException {
        Path file = write("x.md", "# Notes\n## Notes\n```\n# not a heading\n```\n## Notes\n");

        assertEquals(Set.of("notes", "notes-1", "notes-2"), MarkdownLinks.anchorsOf(file));
    }

    /** README.md, CONTRIBUTING.md and every Markdown file under docs/. */
    private static List<Path> documentation(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("README.md", "CONTRIBUTING.md")) {
            Path file = root.resolve(name);
            if (!Files.isRegularFile(file)) {
                fail("expected " + file + " to exist");
            }
            files.add(file);
        }
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** The directory holding pom.xml and mvnw, found from the working directory Maven gives, or above it. */
    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new AssertionError("expected pom.xml and mvnw in " + start + " or a folder above it");
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
