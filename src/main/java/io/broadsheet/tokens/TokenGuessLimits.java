package io.broadsheet.tokens;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * How many wrong admin tokens {@link TokenGuesses} lets through ({@code broadsheet.token-guesses.*}): per client
 * address within {@code window}, all addresses together within {@code global-window}, and how many addresses it
 * remembers at most. The defaults, and what each does, are in {@code application.yml}.
 *
 * @param perAddress    wrong tokens one address may send within {@code window}
 * @param window        how long an address's first wrong token counts, and so its lockout
 * @param global        wrong tokens from all addresses together within {@code globalWindow}
 * @param globalWindow  the span of the global budget
 * @param maxAddresses  addresses remembered at most (memory: about 160 bytes each for IPv4, measured)
 * @param failureDelay  how long the answer to a wrong token waits
 */
@ConfigurationProperties("broadsheet.token-guesses")
public record TokenGuessLimits(int perAddress,
                               Duration window,
                               int global,
                               Duration globalWindow,
                               int maxAddresses,
                               Duration failureDelay) {

    public TokenGuessLimits {
        positive("per-address", perAddress);
        positive("global", global);
        positive("max-addresses", maxAddresses);
        positive("window", window);
        positive("global-window", globalWindow);
        if (failureDelay == null || failureDelay.isNegative()) {
            throw new IllegalArgumentException("broadsheet.token-guesses.failure-delay must be zero or more, got "
                    + failureDelay);
        }
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("broadsheet.token-guesses." + key + " must be 1 or more, got " + value);
        }
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("broadsheet.token-guesses." + key + " must be a positive duration"
                    + " (for example 15m), got " + value);
        }
    }
}
