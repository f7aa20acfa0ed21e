package io.broadsheet.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

/**
 * How feed requests are answered ({@code broadsheet.fast-path}, {@code broadsheet.browser-view}); the defaults and
 * what each does are in {@code application.yml}.
 *
 * @param fastPath    polls of cached public feeds are answered on the event loop ahead of routing ({@link FeedFastPath})
 * @param browserView a browser opening a feed's URL gets an HTML page of the feed ({@link BrowserView})
 */
@Context
@ConfigurationProperties("broadsheet")
public record FeedAnswerSettings(boolean fastPath, boolean browserView) {
}
