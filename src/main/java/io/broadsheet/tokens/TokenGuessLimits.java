package io.broadsheet.tokens;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How many wrong admin tokens {@link TokenGuesses} lets through ({@code broadsheet.token-guesses.*}): per client
 * address within {@code window}, all addresses together within {@code global-window}, and how many addresses it
 * remembers at most.
 *
 * @param perAddress    wrong tokens one address may send within {@code window}
 * @param window        how long an address's first wrong token counts, and so its lockout
 * @param global        wrong tokens from all addresses together within {@code globalWindow}
 * @param globalWindow  the span of the global budget
 * @param maxAddresses  addresses remembered at most (memory: about 150 bytes each)
 * @param failureDelay  how long the answer to a wrong token waits
 */
@ConfigurationProperties("broadsheet.token-guesses")
public record TokenGuessLimits(@Bindable(defaultValue = "10") int perAddress,
                               @Bindable(defaultValue = "15m") Duration window,
                               @Bindable(defaultValue = "100") int global,
                               @Bindable(defaultValue = "1m") Duration globalWindow,
                               @Bindable(defaultValue = "10000") int maxAddresses,
                               @Bindable(defaultValue = "1s") Duration failureDelay) {

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
