package io.broadsheet.article;

import io.broadsheet.article.model.ArticleInput;
import io.broadsheet.input.FieldError;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.metrics.BroadsheetMetrics;
import io.broadsheet.storage.Durability;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Imports newline-delimited article JSON as it streams in: each line is created or replaced by its slug, lines are
 * written in chunks (one transaction and one JDBC batch per table each), and a bad line rejects only itself: a
 * chunk the database refuses is written again line by line. Progress is logged every few seconds. The chunks
 * reach the disk together before the answer ({@link Durability}): what was answered survives a crash.
 * An import with preserve-ids inserts each line under the id, times and version it carries instead
 * ({@link #importKeepingIds}). The line that ends an export, {@code {"site": ...}}, is no article: an import by slug
 * skips it, one with preserve-ids hands it to its caller.
 */
@Singleton
public class ArticleImporter {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleImporter.class);
    /** Lines per chunk, and the characters a chunk may hold before it is written early. */
    static final int CHUNK_LINES = 1000;
    static final int CHUNK_CHARS = 4 * 1024 * 1024;
    /** Rejected lines listed in the answer; the count covers them all. */
    static final int REJECTED_LISTED = 1000;
    /** The longest line read: an article's JSON may take 2 MiB, as a single API body does, plus room. */
    static final int MAX_LINE_CHARS = 4 * 1024 * 1024;
    /** Chunks read ahead of the one being written. */
    static final int CHUNKS_IN_FLIGHT = 2;
    private static final long PROGRESS_NANOS = 5_000_000_000L;
    /** The only member of the line that ends an export. */
    public static final String SITE = "site";

    private final ArticleService service;
    private final JsonMapper json;
    private final Durability durability;
    private final BroadsheetMetrics metrics;

    public ArticleImporter(ArticleService service, JsonMapper json, Durability durability, BroadsheetMetrics metrics) {
        this.service = service;
        this.metrics = metrics;
        this.json = json;
        this.durability = durability;
    }

    /** Creates or replaces each line's article by its slug; a site line is skipped. */
    public ImportResult importLines(InputStream ndjson) {
        return run(ndjson, false, site -> { });
    }

    /**
     * Inserts each line's article under the id, times and version it carries (required), as an export wrote them;
     * the caller makes sure that the database holds no article. A line whose id or slug an earlier line took is
     * rejected. The site line goes to {@code siteLine}, which rejects it by throwing {@link InvalidInputException}.
     */
    public ImportResult importKeepingIds(InputStream ndjson, Consumer<JsonNode> siteLine) {
        return run(ndjson, true, siteLine);
    }

    private ImportResult run(InputStream ndjson, boolean keepIds, Consumer<JsonNode> siteLine) {
        Run run = new Run(keepIds, siteLine);
        try (InputStreamReader reader = new InputStreamReader(ndjson, StandardCharsets.UTF_8)) {
            BoundedLines lines = new BoundedLines(reader, MAX_LINE_CHARS);
            for (String line = lines.next(); line != null; line = lines.next()) {
                run.read(line);
            }
            run.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            run.finish();
            run.count(metrics); // also the lines of an import that stopped: they were stored or refused
            durability.checkpoint(); // the chunks committed without waiting for the file: all of it is there now
        }
        if (run.failure != null) {
            throw new IllegalStateException("The import stopped after line " + run.number + ": "
                    + run.failure.getMessage(), run.failure);
        }
        run.log("Import done");
        return run.result();
    }

    /**
     * One import: the request's thread reads, parses and sanitises lines into chunks, and a writer thread stores
     * each chunk while the next one is read. At most {@value #CHUNKS_IN_FLIGHT} chunks wait, so memory stays bounded.
     */
    private final class Run {
        final boolean keepIds;
        final Consumer<JsonNode> siteLine;
        final long started = System.nanoTime();
        final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "import-writer"));
        final Semaphore inFlight = new Semaphore(CHUNKS_IN_FLIGHT);
        long lastLog = started;
        int number;
        List<ArticleService.Sanitised> chunk = new ArrayList<>();
        List<Integer> chunkLines = new ArrayList<>();
        final Set<String> chunkSlugs = new HashSet<>();
        final Set<Long> chunkIds = new HashSet<>();
        long chunkChars;
        // written by the writer thread, read by the reading one
        int created;
        int updated;
        int unchanged;
        int rejectedCount;
        long storeNanos;
        final List<ImportResult.Rejected> rejected = new ArrayList<>();
        volatile Throwable failure;

        Run(boolean keepIds, Consumer<JsonNode> siteLine) {
            this.keepIds = keepIds;
            this.siteLine = siteLine;
        }

        void read(String line) {
            number++;
            if (line == BoundedLines.TOO_LONG) {
                reject(number, null, List.of(new FieldError("", "the line is longer than " + MAX_LINE_CHARS
                        + " characters; an article's JSON takes one line of at most 2 MiB")));
            } else if (!line.isBlank()) {
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
                if (isSiteLine(node)) {
                    siteLine.accept(node.get(SITE));
                    return;
                }
                ArticleParser.Kept kept = keepIds ? ArticleParser.parseKept(node) : null;
                ArticleInput in = keepIds ? kept.input() : ArticleParser.parse(node);
                if (!claim(in.slug(), kept)) {
                    // the same slug twice: the second replaces the first, so the first is written before (with
                    // preserve-ids, the second line's insert fails and is then rejected, naming the field)
                    flush();
                    claim(in.slug(), kept);
                }
                chunk.add(keepIds ? service.sanitise(kept) : service.sanitise(in));
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

        /** Takes the slug (and the id) into the chunk; false when the chunk already has either. */
        boolean claim(String slug, ArticleParser.Kept kept) {
            boolean newSlug = chunkSlugs.add(slug);
            boolean newId = kept == null || chunkIds.add(kept.fields().id());
            return newSlug && newId;
        }

        /** Hands the chunk to the writer, waiting while too many are in flight. */
        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            List<ArticleService.Sanitised> full = chunk;
            List<Integer> lines = chunkLines;
            chunk = new ArrayList<>();
            chunkLines = new ArrayList<>();
            chunkSlugs.clear();
            chunkIds.clear();
            chunkChars = 0;
            inFlight.acquireUninterruptibly();
            writer.execute(() -> {
                try {
                    durability.deferred(() -> {
                        store(full, lines);
                        return null;
                    });
                } catch (Throwable t) { // counts would not add up: the import answers with an error instead
                    failure = t;
                } finally {
                    inFlight.release();
                }
            });
        }

        void store(List<ArticleService.Sanitised> full, List<Integer> lines) {
            long begin = System.nanoTime();
            try {
                ArticleService.ChunkWritten written = keepIds ? new ArticleService.ChunkWritten(service.insertKept(full), 0, 0)
                        : service.writeChunk(full);
                synchronized (this) {
                    created += written.created();
                    updated += written.updated();
                    unchanged += written.unchanged();
                }
            } catch (RuntimeException e) {
                // the chunk rolled back whole: each line again on its own, so that only the guilty ones are rejected
                LOG.debug("Import chunk ending at line {} refused; writing its lines one by one", lines.get(lines.size() - 1), e);
                for (int i = 0; i < full.size(); i++) {
                    writeOne(full.get(i), lines.get(i));
                }
            }
            synchronized (this) {
                storeNanos += System.nanoTime() - begin;
            }
        }

        void writeOne(ArticleService.Sanitised one, int line) {
            ArticleInput in = one.input();
            try {
                ArticleService.Written written = null;
                if (keepIds) {
                    service.insertKeptOne(one);
                } else {
                    written = service.upsert(in);
                }
                synchronized (this) {
                    if (written == null || written.created()) {
                        created++;
                    } else if (written.changed()) {
                        updated++;
                    } else {
                        unchanged++;
                    }
                }
            } catch (InvalidInputException e) {
                reject(line, in.slug(), e.errors());
            } catch (SlugConflictException | StaleArticleException e) {
                reject(line, in.slug(), List.of(new FieldError("slug", e.getMessage())));
            } catch (DataAccessException e) {
                LOG.error("Import line {} could not be stored", line, e);
                reject(line, in.slug(), List.of(new FieldError("",
                        "the database refused this article; nothing of it was stored")));
            } catch (RuntimeException e) {
                LOG.error("Import line {} could not be stored", line, e);
                reject(line, in.slug(), List.of(new FieldError("",
                        "could not be stored (" + e.getClass().getSimpleName() + "); nothing of it was stored")));
            }
        }

        synchronized void reject(int line, String slug, List<FieldError> errors) {
            rejectedCount++;
            if (rejected.size() < REJECTED_LISTED) {
                rejected.add(new ImportResult.Rejected(line, slug, errors));
            }
        }

        /** Waits for the writer to store every chunk handed to it, interrupted or not: the answer counts them. */
        void finish() {
            writer.shutdown();
            boolean interrupted = false;
            while (true) {
                try {
                    if (writer.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                    log("Importing, writing the last chunks");
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void count(BroadsheetMetrics metrics) {
            metrics.importLines(created + updated + unchanged, rejectedCount);
        }

        synchronized ImportResult result() {
            List<ImportResult.Rejected> inOrder = new ArrayList<>(rejected);
            inOrder.sort(java.util.Comparator.comparingInt(ImportResult.Rejected::line));
            return new ImportResult(created, updated, unchanged, inOrder, rejectedCount, null);
        }

        synchronized void log(String what) {
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            LOG.info("{}: {} lines read, {} created, {} replaced, {} rejected, {} articles/s ({}% of the time storing)",
                    what, number, created, updated, rejectedCount, Math.round((created + updated) / seconds),
                    Math.round(100 * storeNanos / 1e9 / seconds));
        }
    }

    /** The line that ends an export: an object whose only member is {@value #SITE}. */
    private static boolean isSiteLine(JsonNode node) {
        return node.isObject() && node.size() == 1 && node.get(SITE) != null;
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
