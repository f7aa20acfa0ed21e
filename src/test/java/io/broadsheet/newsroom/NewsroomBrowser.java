package io.broadsheet.newsroom;

import io.broadsheet.pages.Html5;
import io.broadsheet.testing.Http;
import org.jsoup.nodes.Document;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a browser does with the newsroom, over plain HTTP: forms with this site's Origin, the session cookie sent back. */
final class NewsroomBrowser {

    private final Http http;
    private final String origin;

    NewsroomBrowser(Http http, URI base) {
        this.http = http;
        this.origin = base.getScheme() + "://" + base.getAuthority();
    }

    String origin() {
        return origin;
    }

    /** POSTs a form as a page of this site would (Origin: this site). */
    Http.Answer postForm(String path, String cookie, String... namesAndValues) {
        return http.send(form(path, cookie, namesAndValues).header("Origin", origin));
    }

    Http.Answer send(HttpRequest.Builder request) {
        return http.send(request);
    }

    /** A form POST without Origin or Referer; add what the test wants. */
    HttpRequest.Builder form(String path, String cookie, String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder builder = http.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)));
        if (cookie != null) {
            builder.header("Cookie", NewsroomSessions.COOKIE + "=" + cookie);
        }
        return builder;
    }

    Http.Answer login(String token) {
        return postForm("/newsroom/login", null, "token", token);
    }

    /** Signs in with the test admin token; the session cookie's value. */
    String signIn() {
        Http.Answer answer = login(Http.ADMIN_TOKEN);
        assertEquals(303, answer.status(), "signing in with the admin token: " + answer);
        return sessionCookie(answer).value();
    }

    Http.Answer get(String path, String cookie) {
        HttpRequest.Builder builder = http.request(path);
        if (cookie != null) {
            builder.header("Cookie", NewsroomSessions.COOKIE + "=" + cookie);
        }
        return http.send(builder.GET());
    }

    /** The newsroom cookie an answer sets: its value and attributes (names in lower case, flags mapped to ""). */
    record SetCookie(String value, Map<String, String> attributes) {
    }

    static SetCookie sessionCookie(Http.Answer answer) {
        List<String> cookies = answer.headers().allValues("Set-Cookie");
        assertEquals(1, cookies.size(), "one Set-Cookie: " + cookies);
        String[] parts = cookies.get(0).split(";");
        String first = parts[0].strip();
        assertTrue(first.startsWith(NewsroomSessions.COOKIE + "="), "the newsroom's cookie: " + cookies.get(0));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] nameValue = parts[i].strip().split("=", 2);
            attributes.put(nameValue[0].toLowerCase(Locale.ROOT), nameValue.length == 2 ? nameValue[1] : "");
        }
        return new SetCookie(first.substring(first.indexOf('=') + 1), attributes);
    }

    /**
     * Parses a page as HTML5 and fails on any parse error, a missing doctype or lang, other than one h1, an input
     * without a label, or a table header without a scope.
     */
    /** {@link Html5#assertConforms}, and the newsroom's own rules: a charset, no inline script or style (its CSP). */
    static Document html5(String html) {
        Document doc = Html5.assertConforms(html, "a newsroom page");
        assertTrue(html.stripLeading().regionMatches(true, 0, "<!DOCTYPE html>", 0, 15), "the doctype comes first");
        assertEquals(1, doc.select("head > meta[charset]").size(), "a charset");
        assertTrue(doc.select("script:not([src])").isEmpty(), "no inline script");
        assertTrue(doc.select("[style], style").isEmpty(), "no inline style");
        return doc;
    }
}
