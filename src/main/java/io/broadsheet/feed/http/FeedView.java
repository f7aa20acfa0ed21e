package io.broadsheet.feed.http;

import io.broadsheet.feed.FeedCache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page a browser gets for one cached feed representation ({@link BrowserView}): its HTML in both codings and
 * their validators, kept with the entry it was made from, so a browser that reloads a feed costs no render.
 *
 * <p>Its ETags start with the entry's ({@code "{digest}-html-…"}), so they change whenever the feed does, and end
 * with a digest of the HTML itself, so a release that changes the page's template changes them too. They never
 * equal the feed's own: a 304 for one is never taken for the other (RFC 9110 8.8.3).
 */
final class FeedView implements FeedCache.Attachment {

    private final byte[] html;
    private final byte[] gzip;
    private final String etag;
    private final String gzipEtag;

    FeedView(FeedCache.Entry entry, String page) {
        this.html = page.getBytes(StandardCharsets.UTF_8);
        this.gzip = FeedCache.gzip(html);
        String feedTag = entry.etag().substring(1, entry.etag().length() - 1);
        String tag = feedTag + "-html-" + digest(html);
        this.etag = "\"" + tag + "\"";
        this.gzipEtag = "\"" + tag + "-gzip\"";
    }

    /** The body in the coding asked for. */
    byte[] bytes(boolean gzipped) {
        return gzipped ? gzip : html;
    }

    String etag() {
        return etag;
    }

    String gzipEtag() {
        return gzipEtag;
    }

    /** What it holds, as the cache's budget counts it. */
    long size() {
        return (long) html.length + gzip.length;
    }

    @Override
    public void release() {
        // heap memory only: nothing to give back
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
