package io.broadsheet.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guessing the admin token on {@code /api}: each client address (X-Forwarded-For from the tests' trusted loopback
 * proxy) has 3 wrong tokens, all addresses together 20 a minute, and the server remembers 50 addresses.
 */
@MicronautTest(transactional = false)
class AdminTokenGuessingTest extends HttpTest {

    private static final int PER_ADDRESS = 3;
    private static final int GLOBAL = 20;
    private static final int MAX_ADDRESSES = 50;

    @Inject
    MutableClock clock;

    private int nextAddress;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.test.mutable-clock", "true");
        properties.put("broadsheet.token-guesses.per-address", Integer.toString(PER_ADDRESS));
        properties.put("broadsheet.token-guesses.global", Integer.toString(GLOBAL));
        properties.put("broadsheet.token-guesses.max-addresses", Integer.toString(MAX_ADDRESSES));
        properties.put("broadsheet.token-guesses.failure-delay", "1ms");
        return properties;
    }

    @BeforeEach
    void everyWindowEnds() {
        clock.set(clock.instant().plus(Duration.ofHours(1)));
    }

    /** A client address of its own for each call, so that tests and their steps never share one by accident. */
    private String freshAddress() {
        nextAddress++;
        return "198.51." + (nextAddress >> 8) + "." + (nextAddress & 255);
    }

    private Http.Answer api(String client, String token) {
        return http.send(http.request("/api/stats/feeds").header("X-Forwarded-For", client)
                .header("Authorization", "Bearer " + token));
    }

    private void guessWrong(String client, int times) {
        for (int i = 0; i < times; i++) {
            Http.Answer answer = api(client, "guess-" + i);
            assertEquals(403, answer.status(), "wrong token " + (i + 1) + " from " + client + ": " + answer);
        }
    }

    private static long assertTooManyWrongTokens(Http.Answer answer) {
        assertEquals(429, answer.status(), "expected 429, got " + answer);
        assertEquals(Problem.MEDIA_TYPE, answer.header("Content-Type").orElse(null), "Content-Type of " + answer);
        try {
            JsonNode problem = new ObjectMapper().readTree(answer.body());
            assertEquals(429, problem.path("status").asInt(), answer.body());
            assertTrue(problem.path("detail").asText().contains("wrong admin tokens"), answer.body());
        } catch (IOException e) {
            throw new AssertionError("a problem+json body, got " + answer.body(), e);
        }
        return Long.parseLong(answer.header("Retry-After").orElseThrow(() -> new AssertionError("no Retry-After")));
    }

    @Test
    void afterThreeWrongTokensAnAddressGets429WithRetryAfterEvenForTheRightToken() {
        String guesser = freshAddress();
        guessWrong(guesser, PER_ADDRESS);
        long wrong = assertTooManyWrongTokens(api(guesser, "guess-again"));
        assertTrue(wrong > 14 * 60 && wrong <= 15 * 60, "Retry-After: the rest of 15 minutes, got " + wrong);
        assertTooManyWrongTokens(api(guesser, Http.ADMIN_TOKEN));
        clock.set(clock.instant().plus(Duration.ofMinutes(15)));
        assertEquals(200, api(guesser, Http.ADMIN_TOKEN).status(), "once its window ended");
    }

    @Test
    void aGuesserBehindTheProxyDoesNotLockOutAnotherClientOfIt() {
        String guesser = freshAddress();
        guessWrong(guesser, PER_ADDRESS);
        assertTooManyWrongTokens(api(guesser, Http.ADMIN_TOKEN));
        String desk = freshAddress();
        assertEquals(200, api(desk, Http.ADMIN_TOKEN).status(), "the right token from another client");
        assertEquals(403, api(desk, "typo").status(), "another client's own wrong token");
    }

    @Test
    void fiftyOtherFailingAddressesDoNotResetALockout() {
        String guesser = freshAddress();
        guessWrong(guesser, PER_ADDRESS);
        for (int i = 0; i <= MAX_ADDRESSES; i++) {
            String other = freshAddress();
            api(other, "other-guess");
            if (i % GLOBAL == 0) {
                clock.set(clock.instant().plus(Duration.ofMinutes(1))); // keep the global budget out of it
            }
        }
        assertTooManyWrongTokens(api(guesser, Http.ADMIN_TOKEN));
    }

    @Test
    void onceTwentyWrongTokensCameFromAnywhereTheAddressesThatSentThemWaitButTheRightTokenStillWorks() {
        String first = freshAddress();
        guessWrong(first, 1);
        for (int i = 1; i < GLOBAL; i++) {
            guessWrong(freshAddress(), 1);
        }
        long wait = assertTooManyWrongTokens(api(first, Http.ADMIN_TOKEN));
        assertTrue(wait >= 1 && wait <= 60, "Retry-After: the rest of the global minute, got " + wait);
        assertEquals(200, api(freshAddress(), Http.ADMIN_TOKEN).status(), "the right token from a clean address");
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        assertEquals(200, api(first, Http.ADMIN_TOKEN).status(), "the next minute");
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        String network = "2001:db8:7:ab::";
        for (int host = 1; host <= PER_ADDRESS; host++) {
            guessWrong(network + host, 1);
        }
        assertTooManyWrongTokens(api(network + "99", Http.ADMIN_TOKEN));
        assertEquals(200, api("2001:db8:7:ac::1", Http.ADMIN_TOKEN).status(), "the next /64");
    }
}
