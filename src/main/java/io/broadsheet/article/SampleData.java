package io.broadsheet.article;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the bundled sample articles into an empty database, unless {@code broadsheet.sample-data} is false. */
@Singleton
public class SampleData {

    static final String RESOURCE = "/sample/articles.ndjson";
    private static final Logger LOG = LoggerFactory.getLogger(SampleData.class);

    private final ArticleStore store;
    private final ArticleImporter importer;
    private final boolean enabled;

    public SampleData(ArticleStore store, ArticleImporter importer, SampleDataSettings settings) {
        this.store = store;
        this.importer = importer;
        this.enabled = settings.sampleData();
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        if (!enabled || !store.isEmpty()) {
            return;
        }
        try (InputStream in = SampleData.class.getResourceAsStream(RESOURCE)) {
            ImportResult result = importer.importLines(in);
            LOG.info("Empty database: loaded {} sample articles (BROADSHEET_SAMPLE_DATA=false turns this off)",
                    result.created());
            if (!result.rejected().isEmpty()) {
                throw new IllegalStateException("Sample data rejected: " + result.rejected());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
