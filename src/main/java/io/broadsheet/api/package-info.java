/**
 * The JSON API under {@code /api}: articles (one at a time, and NDJSON import and export), categories, partner
 * keys, poll statistics, the metrics page, and the API's own OpenAPI description and viewer. Each controller reads
 * and checks its input and calls a capability; nothing here writes SQL. Read
 * {@link io.broadsheet.api.ArticleController} first.
 */
package io.broadsheet.api;
