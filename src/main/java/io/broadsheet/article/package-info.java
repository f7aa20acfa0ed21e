/**
 * Articles: reading and checking the API's JSON ({@link io.broadsheet.article.ArticleParser}), bringing each write
 * to the form it is stored in (sanitised body, no derived values: {@link io.broadsheet.article.StoredForm}), storing
 * articles with their images, authors, categories and tags ({@link io.broadsheet.article.ArticleStore}, whose SQL is
 * in {@code io.broadsheet.storage}), and the use cases behind the API ({@link io.broadsheet.article.ArticleService},
 * read first) and bulk import. The records storage reads and writes are in {@code io.broadsheet.article.model}, below
 * storage. No HTTP types here.
 */
package io.broadsheet.article;
