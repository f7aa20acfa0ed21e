/**
 * Limits on guessing the admin token: {@link io.broadsheet.tokens.TokenGuesses} counts wrong tokens per client
 * address and across all addresses, for every place that takes the token (the API's filter, the newsroom's
 * sign-in and charts), and answers whether a client must wait; {@link io.broadsheet.tokens.TokenGuessLimits} holds
 * its settings.
 */
package io.broadsheet.tokens;
