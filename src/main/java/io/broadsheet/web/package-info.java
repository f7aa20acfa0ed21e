/**
 * HTTP: controllers, the admin token filter (and the health details it opens), the access log's elements, the
 * deadline for request heads ({@link io.broadsheet.web.RequestHeadDeadline}), and the one table that maps domain
 * exceptions to problem+json ({@link io.broadsheet.web.ProblemHandler}). Read
 * {@link io.broadsheet.api.ArticleController} first.
 */
package io.broadsheet.web;
