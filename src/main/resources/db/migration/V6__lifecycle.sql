-- The syndication lifecycle: expiry, withdrawals and corrections. The article's new columns come in
-- db.migration.V6_1__Lifecycle_and_image_columns, one statement per table and database: H2 rewrites a table for
-- each ALTER TABLE.

-- A withdrawn article's tombstone in each feed that showed it, kept for defaults.tombstone-days: the first page of
-- a feed reads the newest ones as one range of feed_tombstone_newest_idx. Moved by the writer, like feed_item.
CREATE TABLE feed_tombstone (
    feed         VARCHAR(210) NOT NULL,
    withdrawn_at TIMESTAMP WITH TIME ZONE NOT NULL,
    article_id   BIGINT       NOT NULL
);

CREATE UNIQUE INDEX feed_tombstone_newest_idx ON feed_tombstone (feed, withdrawn_at DESC, article_id DESC);
CREATE INDEX feed_tombstone_withdrawn_idx ON feed_tombstone (withdrawn_at);
-- a restore or a delete removes an article's tombstones, wherever they are
CREATE INDEX feed_tombstone_article_idx ON feed_tombstone (article_id);

-- The live articles that have an end to their usage window: the next expiry and the due ones are index ranges
-- that do not grow with the expired past. A row leaves when its article is withdrawn, replaced or deleted.
CREATE TABLE article_expiry (
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    article_id BIGINT NOT NULL,
    PRIMARY KEY (expires_at, article_id)
);
