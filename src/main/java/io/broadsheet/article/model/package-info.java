/**
 * The article as plain data, below both the services of {@code io.broadsheet.article} and the tables of
 * {@code io.broadsheet.storage}, which read and write it: a write as a client sent it
 * ({@link io.broadsheet.article.model.ArticleInput}), the row as stored ({@link io.broadsheet.article.model.StoredArticle},
 * read first, with its {@link io.broadsheet.article.model.Article}, images, authors and corrections), the values the
 * server sets ({@link io.broadsheet.article.model.ServerFields}), a selection of a feed
 * ({@link io.broadsheet.article.model.ArticleSelection}) and a version's stamp
 * ({@link io.broadsheet.article.model.ArticleStamp}). Records only: no SQL, no HTTP, no services.
 */
package io.broadsheet.article.model;
