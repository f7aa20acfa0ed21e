package io.broadsheet.sitemap;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** A sitemap written once into gzip, its identity bytes digested and counted on the way: no identity copy is kept. */
final class SitemapBytes {

    private SitemapBytes() {
    }

    /** The document {@code write} produces, changed last at {@code lastModified} and holding until {@code validUntil}. */
    static Sitemaps.Document write(Instant lastModified, Instant validUntil, Consumer<OutputStream> write) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream gzip = new ByteArrayOutputStream(8192);
        long[] length = {0};
        try (GZIPOutputStream zip = new GZIPOutputStream(gzip, 65536) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            OutputStream counted = new FilterOutputStream(new DigestOutputStream(zip, sha)) {
                @Override
                public void write(int b) throws IOException {
                    length[0]++;
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    length[0] += len;
                    out.write(b, off, len);
                }
            };
            // the XML writer hands over a few bytes at a time: gzip and the digest each take them in 64 KiB blocks
            BufferedOutputStream blocks = new BufferedOutputStream(counted, 65536);
            write.accept(blocks);
            blocks.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 32);
        return new Sitemaps.Document(gzip.toByteArray(), length[0], "\"" + tag + "\"", "\"" + tag + "-gzip\"",
                lastModified, validUntil);
    }
}
