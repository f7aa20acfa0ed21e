package io.broadsheet.article;

import io.broadsheet.input.FieldError;
import io.broadsheet.input.InvalidInputException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports newline-delimited article JSON as it streams in: each line is created or replaced by its slug, lines are
 * written in chunks (one transaction and one JDBC batch per table each), and a bad line rejects only itself: a
 * chunk the database refuses is written again line by line. Progress is logged every few seconds.
 */
@Singleton
public class ArticleImporter {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleImporter.class);
    /** Lines per chunk, and the characters a chunk may hold before it is written early. */
    static final int CHUNK_LINES = 500;
    static final int CHUNK_CHARS = 8 * 1024 * 1024;
    /** Rejected lines listed in the answer; the count covers them all. */
    static final int REJECTED_LISTED = 1000;
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final ArticleService service;
    private final JsonMapper json;

    public ArticleImporter(ArticleService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /**
     * What an import did.
     *
     * @param rejected      the first {@value #REJECTED_LISTED} rejected lines
     * @param rejectedCount every rejected line
     */
    @Serdeable
    public record ImportResult(int created, int updated, List<Rejected> rejected, int rejectedCount) {
    }

    /** A line that was not stored, and why. */
    @Serdeable
    public record Rejected(int line, String slug, List<FieldError> errors) {
    }

    public ImportResult importLines(InputStream ndjson) {
        Run run = new Run();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                run.read(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.flush();
        run.log("Import done");
        return new ImportResult(run.created, run.updated, run.rejected, run.rejectedCount);
    }

    /** One import's state: the chunk being gathered and the counts so far. */
    private final class Run {
        final long started = System.nanoTime();
        long lastLog = started;
        int number;
        int created;
        int updated;
        int rejectedCount;
        final List<Rejected> rejected = new ArrayList<>();
        final List<ArticleInput> chunk = new ArrayList<>();
        final List<Integer> chunkLines = new ArrayList<>();
        final Set<String> chunkSlugs = new HashSet<>();
        long chunkChars;

        void read(String line) {
            number++;
            if (!line.isBlank()) {
                parse(line);
            }
            if (System.nanoTime() - lastLog > PROGRESS_NANOS) {
                lastLog = System.nanoTime();
                log("Importing");
            }
        }

        void parse(String line) {
            JsonNode node = null;
            try {
                node = json.readValue(line, Argument.of(JsonNode.class));
                ArticleInput in = ArticleParser.parse(node);
                if (!chunkSlugs.add(in.slug())) {
                    flush(); // the same slug twice: the second replaces the first, so the first is written before
                    chunkSlugs.add(in.slug());
                }
                chunk.add(in);
                chunkLines.add(number);
                chunkChars += line.length();
                if (chunk.size() >= CHUNK_LINES || chunkChars >= CHUNK_CHARS) {
                    flush();
                }
            } catch (IOException e) {
                reject(number, null, List.of(new FieldError("", "not valid JSON: " + firstLine(e))));
            } catch (InvalidInputException e) {
                reject(number, slugOf(node), e.errors());
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            try {
                ArticleService.ChunkWritten written = service.writeChunk(chunk);
                created += written.created();
                updated += written.updated();
            } catch (RuntimeException e) {
                // the chunk rolled back whole: each line again on its own, so that only the guilty ones are rejected
                LOG.debug("Import chunk ending at line {} refused; writing its lines one by one", number, e);
                for (int i = 0; i < chunk.size(); i++) {
                    writeOne(chunk.get(i), chunkLines.get(i));
                }
            }
            chunk.clear();
            chunkLines.clear();
            chunkSlugs.clear();
            chunkChars = 0;
        }

        void writeOne(ArticleInput in, int line) {
            try {
                if (service.upsert(in).created()) {
                    created++;
                } else {
                    updated++;
                }
            } catch (InvalidInputException e) {
                reject(line, in.slug(), e.errors());
            } catch (SlugConflictException | StaleArticleException e) {
                reject(line, in.slug(), List.of(new FieldError("slug", e.getMessage())));
            } catch (DataAccessException e) {
                LOG.error("Import line {} could not be stored", line, e);
                reject(line, in.slug(), List.of(new FieldError("",
                        "the database refused this article; nothing of it was stored")));
            }
        }

        void reject(int line, String slug, List<FieldError> errors) {
            rejectedCount++;
            if (rejected.size() < REJECTED_LISTED) {
                rejected.add(new Rejected(line, slug, errors));
            }
        }

        void log(String what) {
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            LOG.info("{}: {} lines read, {} created, {} replaced, {} rejected, {} articles/s", what, number, created,
                    updated, rejectedCount, Math.round((created + updated) / seconds));
        }
    }

    private static String slugOf(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode slug = node.get("slug");
        if (slug != null && slug.isString()) {
            return slug.getStringValue();
        }
        JsonNode title = node.get("title");
        return title != null && title.isString() && !title.getStringValue().isBlank()
                ? ArticleParser.slugify(title.getStringValue()) : null;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
