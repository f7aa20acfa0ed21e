/**
 * The tables: every SQL statement of the service, in repositories that own their tables, and what the database
 * promises. Nothing here imports a package above it: repositories take and return plain values, their own records
 * and the article records of {@code io.broadsheet.article.model}.
 *
 * <p>Read {@link io.broadsheet.storage.ArticleQueries} (every read of articles) and
 * {@link io.broadsheet.storage.ArticleRows} (every write) first: an article is one row whose JSON columns carry its
 * images, authors and corrections, encoded by the one codec {@link io.broadsheet.storage.ArticleChildren}; its
 * categories and tags, which feeds select by, keep rows of their own. The feeds' rows:
 * {@link io.broadsheet.storage.FeedItemRepository} writes {@code feed_item}, {@code feed_count},
 * {@code feed_tombstone}, {@code article_expiry} and the release row; {@link io.broadsheet.storage.FeedPageQueries}
 * reads a feed page; {@link io.broadsheet.storage.FeedCounts} reads the counts (a feed's total, every feed's visible
 * items); {@link io.broadsheet.storage.FeedStateRepository} owns {@code feed_state} and
 * {@link io.broadsheet.storage.FeedVersionRepository} {@code feed_version}. {@link io.broadsheet.storage.PollRepository}
 * owns the poll statistics' tables, {@link io.broadsheet.storage.NoticeRepository} the change version and the
 * NOTIFY/LISTEN channel between instances, {@link io.broadsheet.storage.CategoryRepository} and
 * {@link io.broadsheet.storage.PartnerKeyRepository} their tables; {@link io.broadsheet.storage.SitemapQueries} reads what
 * the sitemaps list, by ranges of article ids and of publication times. The fediverse's:
 * {@link io.broadsheet.storage.DeliveryRepository} owns the delivery queue ({@code fediverse_activity},
 * {@code fediverse_delivery}, taken under leases with {@code FOR UPDATE SKIP LOCKED}, each lease the token its
 * taking settles by) and
 * {@link io.broadsheet.storage.NoteLedgerRepository} the notes sent ({@code fediverse_note}) and the reads publishing
 * decides by.
 *
 * <p>{@link io.broadsheet.storage.Database} knows which database is in use (H2 or PostgreSQL, asked once) and pings
 * it for the health checks; {@link io.broadsheet.storage.CommitCheckpoints} writes each H2 commit to the file before
 * the caller answers, with H2's compaction left running; {@link io.broadsheet.storage.Durability} lets a bulk import
 * make its chunks durable once; {@link io.broadsheet.storage.Statements} runs JDBC batches;
 * {@link io.broadsheet.storage.Identities} reads and moves the id identities (after rows inserted with ids of their
 * own); {@link io.broadsheet.storage.Savepoints} runs work that may fail inside the caller's transaction under a
 * savepoint, so that its failure undoes only what it wrote.
 *
 * <p>{@link io.broadsheet.storage.ActorKeyRepository} owns {@code fediverse_actor_key}, the key pair of each feed's
 * fediverse actor.
 */
package io.broadsheet.storage;
