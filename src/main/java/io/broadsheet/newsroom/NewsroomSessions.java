package io.broadsheet.newsroom;

import io.broadsheet.web.AdminToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Newsroom sessions without server state: a cookie value {@code <expiry>.<random>.<mac>}, where expiry is in epoch
 * seconds, random is 128 random bits and mac is HMAC-SHA256 of {@code session:<expiry>.<random>} under a key derived
 * from the admin token. Any instance with the same token accepts it until it expires; a new token refuses it.
 * The forms' CSRF token is HMAC-SHA256 of {@code csrf:<session value>} under the same key.
 */
@Singleton
public class NewsroomSessions {

    static final String COOKIE = "newsroom_session";
    static final String PATH = "/newsroom";
    static final Duration LIFETIME = Duration.ofHours(12);
    /** Longer values are refused unread: ours are under 90 characters. */
    private static final int MAX_LENGTH = 200;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public NewsroomSessions(AdminToken token, Clock clock) {
        this.key = new SecretKeySpec(token.derivedKey("broadsheet newsroom sessions v1"), "HmacSHA256");
        this.clock = clock;
    }

    /** A new session value, valid for {@link #LIFETIME}. */
    public String issue() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String payload = clock.instant().plus(LIFETIME).getEpochSecond() + "." + BASE64URL.encodeToString(nonce);
        return payload + "." + mac("session:" + payload);
    }

    /** The request's session value when its cookie is one of ours, unaltered and unexpired. */
    public Optional<String> of(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(this::isValid);
    }

    boolean isValid(@Nullable String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return false;
        }
        int last = value.lastIndexOf('.');
        int first = value.indexOf('.');
        if (first <= 0 || last == first) {
            return false;
        }
        String payload = value.substring(0, last);
        if (!equal(mac("session:" + payload), value.substring(last + 1))) {
            return false;
        }
        try {
            return Long.parseLong(payload.substring(0, first)) > clock.instant().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The CSRF token the session's forms carry. */
    public String csrfToken(String session) {
        return mac("csrf:" + session);
    }

    /** True when {@code presented} is the session's CSRF token (compared in constant time). */
    public boolean csrfMatches(String session, @Nullable String presented) {
        return presented != null && equal(csrfToken(session), presented);
    }

    /** The Set-Cookie value that stores {@code value}: Secure, HttpOnly, SameSite=Strict, the newsroom's path only. */
    static String setCookie(String value) {
        return COOKIE + "=" + value + "; Path=" + PATH + "; Max-Age=" + LIFETIME.toSeconds()
                + "; Secure; HttpOnly; SameSite=Strict";
    }

    /** The Set-Cookie value that deletes the cookie. */
    static String clearCookie() {
        return COOKIE + "=; Path=" + PATH + "; Max-Age=0; Secure; HttpOnly; SameSite=Strict";
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return BASE64URL.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
