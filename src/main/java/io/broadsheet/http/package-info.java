/**
 * HTTP elements shared by every package that reads or writes them: dates (RFC 9110 5.6.7) in header fields of feeds,
 * pages and the server's own {@code Date} ({@link io.broadsheet.http.HttpDates}), and the {@code page} query
 * parameter of feeds, pages and the API ({@link io.broadsheet.http.PageParameter}), and the conditional requests and
 * gzip negotiation of every route that serves cached bytes, feeds and sitemaps ({@link io.broadsheet.http.Preconditions},
 * reading field lists in place with {@link io.broadsheet.http.HeaderText}). Read
 * {@link io.broadsheet.http.HttpDates}.
 */
package io.broadsheet.http;
