package io.broadsheet.tokens;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

import java.time.Duration;

import static io.broadsheet.config.SettingRules.atLeast;
import static io.broadsheet.config.SettingRules.notNegative;
import static io.broadsheet.config.SettingRules.positive;

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
@Context
@ConfigurationProperties("broadsheet.token-guesses")
public record TokenGuessLimits(int perAddress,
                               Duration window,
                               int global,
                               Duration globalWindow,
                               int maxAddresses,
                               Duration failureDelay) {

    public TokenGuessLimits {
        atLeast("broadsheet.token-guesses.per-address", perAddress, 1);
        atLeast("broadsheet.token-guesses.global", global, 1);
        atLeast("broadsheet.token-guesses.max-addresses", maxAddresses, 1);
        positive("broadsheet.token-guesses.window", window);
        positive("broadsheet.token-guesses.global-window", globalWindow);
        notNegative("broadsheet.token-guesses.failure-delay", failureDelay);
    }
}
