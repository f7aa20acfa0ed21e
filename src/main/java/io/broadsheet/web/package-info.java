/**
 * HTTP infrastructure every route shares: the connection pipeline ({@link io.broadsheet.web.ConnectionPipeline}),
 * the Date field, the deadline for request heads ({@link io.broadsheet.web.RequestHeadDeadline}), the one table that
 * maps domain exceptions to problem+json ({@link io.broadsheet.web.ProblemHandler}), the access log's elements, the
 * body limit, the rate-limit and admin-token filters (and the health details the token opens), and the OpenAPI parts
 * many routes share ({@link io.broadsheet.web.ApiDocs}). Read {@link io.broadsheet.web.ConnectionPipeline} first.
 */
package io.broadsheet.web;
