/**
 * The tables: every SQL statement of the service, in repositories that own their tables, and what the database
 * promises. Read {@link io.broadsheet.storage.ArticleQueries} (every read of articles) and
 * {@link io.broadsheet.storage.ArticleRows} (every write) first: an article is one row whose JSON columns carry its
 * images, authors and corrections, encoded by the one codec {@link io.broadsheet.storage.ArticleChildren}; its
 * categories and tags, which feeds select by, keep rows of their own. {@link io.broadsheet.storage.CategoryRepository}
 * and {@link io.broadsheet.storage.PartnerKeyRepository} own their tables. {@link io.broadsheet.storage.Database}
 * knows which database is in use (H2 or PostgreSQL, asked once); {@link io.broadsheet.storage.CommitCheckpoints} writes
 * each H2 commit to the file before the caller answers, with H2's compaction left running;
 * {@link io.broadsheet.storage.Durability} lets a bulk import make its chunks durable once;
 * {@link io.broadsheet.storage.Statements} runs JDBC batches; {@link io.broadsheet.storage.Identities} reads and moves
 * the id identities (after rows inserted with ids of their own).
 */
package io.broadsheet.storage;
