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
import java.util.List;

/** Imports newline-delimited article JSON: each line is created or replaced on its own; a bad line rejects only itself. */
@Singleton
public class ArticleImporter {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleImporter.class);

    private final ArticleService service;
    private final JsonMapper json;

    public ArticleImporter(ArticleService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /** What an import did. */
    @Serdeable
    public record ImportResult(int created, int updated, List<Rejected> rejected) {
    }

    /** A line that was not stored, and why. */
    @Serdeable
    public record Rejected(int line, String slug, List<FieldError> errors) {
    }

    public ImportResult importLines(InputStream ndjson) {
        int created = 0;
        int updated = 0;
        List<Rejected> rejected = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = null;
                try {
                    node = json.readValue(line, Argument.of(JsonNode.class));
                    ArticleService.Written written = service.upsert(ArticleParser.parse(node));
                    if (written.created()) {
                        created++;
                    } else {
                        updated++;
                    }
                } catch (IOException e) {
                    rejected.add(new Rejected(number, null, List.of(new FieldError("", "not valid JSON: " + firstLine(e)))));
                } catch (InvalidInputException e) {
                    rejected.add(new Rejected(number, slugOf(node), e.errors()));
                } catch (SlugConflictException | StaleArticleException e) {
                    rejected.add(new Rejected(number, slugOf(node), List.of(new FieldError("slug", e.getMessage()))));
                } catch (DataAccessException e) {
                    // the line's transaction rolled back; the other lines go on
                    LOG.error("Import line {} could not be stored", number, e);
                    rejected.add(new Rejected(number, slugOf(node), List.of(new FieldError("",
                            "the database refused this article; nothing of it was stored"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImportResult(created, updated, rejected);
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
