/**
 * What the tests share: the service on a fresh H2 file or PostgreSQL database ({@link io.broadsheet.testing.TestDatabase},
 * {@link io.broadsheet.testing.HttpTest}), HTTP clients (a plain one, {@link io.broadsheet.testing.Http}, and one that
 * writes bytes as they are, {@link io.broadsheet.testing.RawHttp}), article fixtures that name themselves
 * ({@link io.broadsheet.testing.Fixtures}), feed parsers and validators, a hub and a receiver that record what they
 * are sent, a clock the test moves, the jar as a child process ({@link io.broadsheet.testing.ServiceProcess}), and
 * {@link io.broadsheet.testing.Eventually} for state that settles after an answer. Read
 * {@link io.broadsheet.testing.HttpTest} first.
 */
package io.broadsheet.testing;
