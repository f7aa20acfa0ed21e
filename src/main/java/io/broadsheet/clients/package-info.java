/**
 * Who a request comes from: {@link io.broadsheet.clients.ClientAddresses} reads the connection's peer and, only when
 * that peer is one of the configured trusted proxies ({@code BROADSHEET_TRUSTED_PROXIES}), the address it forwarded.
 * {@link io.broadsheet.clients.IpAddresses} parses address literals and CIDR blocks without ever asking DNS. Poll
 * statistics, rate limits, sign-in throttling and the access log all read the client through this one class.
 */
package io.broadsheet.clients;
