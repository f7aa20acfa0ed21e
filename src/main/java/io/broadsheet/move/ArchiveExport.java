package io.broadsheet.move;

import io.broadsheet.article.ArticleStore;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.article.ArticleView;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The export: every article as one NDJSON line in the import's shape plus its id, createdAt, updatedAt and version,
 * by id, then the site line ({@link SiteLine}). Articles are read {@value #PAGE} at a time, each page the ids after
 * the last one written (a range of the primary key, however deep), and only when the reader wants more: memory
 * holds one page whatever the archive's size. Each page is read on its own snapshot, so writes should stop first.
 */
@Singleton
public class ArchiveExport {

    /** Articles read and written per page. */
    static final int PAGE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveExport.class);

    private final ArticleStore articles;
    private final InstallationState state;
    private final JsonMapper json;

    public ArchiveExport(ArticleStore articles, InstallationState state, JsonMapper json) {
        this.articles = articles;
        this.state = state;
        this.json = json;
    }

    /** The export as a stream that reads the database as it is read. */
    public InputStream open() {
        return new Lines();
    }

    /** The lines, one page of articles in memory at a time. */
    private final class Lines extends InputStream {

        private final long started = System.nanoTime();
        private byte[] buffer = new byte[0];
        private int position;
        private long afterId;
        private long written;
        private boolean articlesDone;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == buffer.length) {
                if (ended) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(length, buffer.length - position);
            System.arraycopy(buffer, position, into, offset, n);
            position += n;
            return n;
        }

        /** The next page of articles, or the site line after the last one, or the end. */
        private void fill() throws IOException {
            position = 0;
            if (articlesDone) {
                buffer = new byte[0];
                ended = true;
                LOG.info("Export done: {} articles in {} s", written, (System.nanoTime() - started) / 1_000_000_000L);
                return;
            }
            try {
                List<StoredArticle> page = articles.findAfter(afterId, PAGE);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (page.isEmpty()) {
                    articlesDone = true;
                    line(out, Argument.of(SiteLine.class), new SiteLine(state.read()));
                } else {
                    for (StoredArticle article : page) {
                        line(out, Argument.of(ArticleView.class), ArticleView.asStored(article));
                    }
                    afterId = page.get(page.size() - 1).article().id();
                    written += page.size();
                }
                buffer = out.toByteArray();
            } catch (RuntimeException e) { // the body breaks off, so no reader takes a truncated export for whole
                LOG.error("Export failed after {} articles (last id {})", written, afterId, e);
                throw new IOException("The export failed after article id " + afterId + ": " + e.getMessage(), e);
            }
        }

        private <T> void line(ByteArrayOutputStream out, Argument<T> type, T value) throws IOException {
            out.write(json.writeValueAsBytes(type, value));
            out.write('\n');
        }
    }
}
