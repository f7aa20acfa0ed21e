package io.broadsheet.fediverse.http;

import io.broadsheet.http.Preconditions;
import io.broadsheet.web.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The answers of the fediverse's GET routes: media types, caching, ETags, CORS and the 404 of a name that is no actor. */
@Singleton
class ActivityAnswers {

    static final String ACTIVITY_JSON = "application/activity+json; charset=utf-8";
    static final String JRD = "application/jrd+json";
    static final String JSON = "application/json; charset=utf-8";
    static final String NODEINFO = "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"";
    /** Actors, WebFinger and NodeInfo change seldom. */
    static final String LONG = "public, max-age=300";
    /** Outboxes, followers and notes change with the feed. */
    static final String SHORT = "public, max-age=60";
    private static final int ECHOED = 40;

    /** An ActivityPub document, with its ETag (304 when {@code If-None-Match} names it). */
    MutableHttpResponse<?> activity(HttpRequest<?> request, String json, String cacheControl) {
        return json(request, json, ACTIVITY_JSON, cacheControl);
    }

    MutableHttpResponse<?> json(HttpRequest<?> request, String json, String contentType, String cacheControl) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + sha256(body) + "\"";
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        MutableHttpResponse<?> response = ifNoneMatch != null && Preconditions.matchesEither(ifNoneMatch, etag, etag)
                ? HttpResponse.notModified()
                : HttpResponse.ok(body).header(HttpHeaders.CONTENT_TYPE, contentType);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }

    /** A withdrawn article's note: 410 with its Tombstone. */
    MutableHttpResponse<?> gone(String tombstone) {
        return HttpResponse.status(HttpStatus.GONE).body(tombstone.getBytes(StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_TYPE, ACTIVITY_JSON).header(HttpHeaders.CACHE_CONTROL, SHORT);
    }

    static MutableHttpResponse<?> cors(MutableHttpResponse<?> response) {
        return response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }

    /** The 404 of a name that is no public feed: the same for a partner feed as for an unknown name. */
    static MutableHttpResponse<?> noActor(String feed) {
        return Problem.of(HttpStatus.NOT_FOUND, "No actor is named '" + echo(feed) + "'.").toResponse();
    }

    /** A browser: the first media range of {@code Accept} is {@code text/html}. */
    static boolean prefersHtml(HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        int end = accept.indexOf(',');
        String first = end < 0 ? accept : accept.substring(0, end);
        int parameters = first.indexOf(';');
        return (parameters < 0 ? first : first.substring(0, parameters)).trim().toLowerCase(Locale.ROOT).equals("text/html");
    }

    /** An article id in digits, or 0 when the text is none. */
    static long articleId(String text) {
        if (text.isEmpty() || text.length() > 18 || text.charAt(0) == '0' || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        return Long.parseLong(text);
    }

    /** A value from the request, cut short for a message. */
    static String echo(String value) {
        return value.length() <= ECHOED ? value : value.substring(0, ECHOED) + "...";
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
