package io.broadsheet.tokens;

import io.broadsheet.testing.MutableClock;
import io.broadsheet.clients.ClientAddresses;
import io.broadsheet.clients.ClientSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bookkeeping of wrong admin tokens on its own: lockouts, the global budget and the bounded table of addresses. */
class TokenGuessesTest {

    private static final int PER_ADDRESS = 10;
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_ADDRESSES = 10_000;

    private final MutableClock clock = new MutableClock();

    private TokenGuesses guesses(int global) {
        return new TokenGuesses(new TokenGuessLimits(PER_ADDRESS, WINDOW, global, Duration.ofMinutes(1), MAX_ADDRESSES,
                Duration.ZERO), new ClientAddresses(new ClientSettings("")), clock);
    }

    private static String address(int n) {
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    private static void assertOutcome(TokenVerdict.Outcome expected, TokenVerdict actual, String what) {
        assertEquals(expected, actual.outcome(), what + ": " + actual);
    }

    private static void lockOut(TokenGuesses guesses, String client) {
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertOutcome(TokenVerdict.Outcome.REFUSED, guesses.judge(client, false), "wrong token " + (i + 1));
        }
        assertOutcome(TokenVerdict.Outcome.THROTTLED, guesses.judge(client, true), "the right token, once locked out");
    }

    @Test
    void tenThousandAndOneOtherFailingAddressesDoNotResetALockout() {
        TokenGuesses guesses = guesses(Integer.MAX_VALUE);
        lockOut(guesses, "192.0.2.1");
        for (int n = 0; n <= MAX_ADDRESSES; n++) {
            assertOutcome(TokenVerdict.Outcome.REFUSED, guesses.judge(address(n), false), "other address " + n);
        }
        clock.set(clock.instant().plus(WINDOW).minusSeconds(1));
        TokenVerdict verdict = guesses.judge("192.0.2.1", true);
        assertOutcome(TokenVerdict.Outcome.THROTTLED, verdict, "the locked-out address after the flood");
        assertEquals("1", verdict.retryAfterSeconds(), "Retry-After: the second its window has left");
        clock.set(clock.instant().plusSeconds(1));
        assertOutcome(TokenVerdict.Outcome.ACCEPTED, guesses.judge("192.0.2.1", true), "once its window ended");
    }

    @Test
    void aFloodOfDistinctAddressesKeepsTheTableAtItsMaximum() {
        TokenGuesses guesses = guesses(Integer.MAX_VALUE);
        for (int n = 0; n < 3 * MAX_ADDRESSES; n++) {
            guesses.judge(address(n), false);
        }
        assertEquals(MAX_ADDRESSES, guesses.tracked(), "addresses remembered after 30,000 distinct ones failed");
        clock.set(clock.instant().plus(WINDOW));
        guesses.judge("192.0.2.9", false);
        assertEquals(1, guesses.tracked(), "once their windows ended, only the newest failure is remembered");
    }

    @Test
    void onceTheGlobalBudgetIsSpentAddressesThatFailedWaitAndACleanAddressStillGetsIn() {
        TokenGuesses guesses = guesses(100);
        for (int n = 0; n < 100; n++) {
            assertOutcome(TokenVerdict.Outcome.REFUSED, guesses.judge(address(n), false), "address " + n);
        }
        TokenVerdict waiting = guesses.judge(address(7), true);
        assertOutcome(TokenVerdict.Outcome.THROTTLED, waiting, "an address with one wrong token, budget spent");
        assertEquals("60", waiting.retryAfterSeconds(), "Retry-After: the rest of the global window");
        assertOutcome(TokenVerdict.Outcome.ACCEPTED, guesses.judge("192.0.2.50", true), "the right token, a clean address");
        assertOutcome(TokenVerdict.Outcome.REFUSED, guesses.judge("192.0.2.51", false), "a clean address's one guess");
        assertOutcome(TokenVerdict.Outcome.THROTTLED, guesses.judge("192.0.2.51", false), "and its second");
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        assertOutcome(TokenVerdict.Outcome.ACCEPTED, guesses.judge(address(7), true), "the next global window");
    }

    @Test
    void withTheTableFullAndTheGlobalBudgetSpentANewAddressWaitsToo() {
        TokenGuesses guesses = guesses(MAX_ADDRESSES + 5);
        for (int n = 0; n < MAX_ADDRESSES + 5; n++) {
            guesses.judge(address(n), false);
        }
        assertEquals(MAX_ADDRESSES, guesses.tracked());
        TokenVerdict verdict = guesses.judge("192.0.2.77", true);
        assertOutcome(TokenVerdict.Outcome.THROTTLED, verdict, "an address the full table cannot hold");
        assertTrue(verdict.retryAfter().compareTo(Duration.ofMinutes(1)) <= 0, "until the global window ends: " + verdict);
    }
}
