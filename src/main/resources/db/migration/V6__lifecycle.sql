-- The syndication lifecycle: expiry, withdrawals and corrections.
-- expires_at: the end of the article's usage window; at that instant it is withdrawn with the reason 'expired'.
-- withdrawn_at, withdrawn_reason: set while the article is withdrawn (its page answers 410, it leaves the feeds).
-- corrections: the dated correction notices, one per line ('<instant>\t<text>', text escaped), oldest first.
ALTER TABLE article ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE article ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE article ADD COLUMN withdrawn_reason VARCHAR(1000);
ALTER TABLE article ADD COLUMN corrections TEXT;

-- A withdrawn article's tombstone in each feed that showed it, kept for defaults.tombstone-days: the first page of
-- a feed reads the newest ones as one range of feed_tombstone_newest_idx. Moved by the writer, like feed_item.
CREATE TABLE feed_tombstone (
    feed         VARCHAR(210) NOT NULL,
    withdrawn_at TIMESTAMP WITH TIME ZONE NOT NULL,
    article_id   BIGINT       NOT NULL
);

CREATE UNIQUE INDEX feed_tombstone_newest_idx ON feed_tombstone (feed, withdrawn_at DESC, article_id DESC);
CREATE INDEX feed_tombstone_withdrawn_idx ON feed_tombstone (withdrawn_at);

-- The live articles that have an end to their usage window: the next expiry and the due ones are index ranges
-- that do not grow with the expired past. A row leaves when its article is withdrawn, replaced or deleted.
CREATE TABLE article_expiry (
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    article_id BIGINT NOT NULL,
    PRIMARY KEY (expires_at, article_id)
);
