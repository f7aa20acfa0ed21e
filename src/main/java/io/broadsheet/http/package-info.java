/**
 * HTTP dates (RFC 9110 5.6.7), shared by every package that writes or reads one in a header field: feeds, pages and
 * the server's own {@code Date}. Read {@link io.broadsheet.http.HttpDates}.
 */
package io.broadsheet.http;
