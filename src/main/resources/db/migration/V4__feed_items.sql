-- Which feeds hold which article, in publication order: every feed page, count, newest item and embargo
-- lookup is one range of feed_item_newest_idx, whatever the archive's size.
-- feed is 'all', 'category:<slug>' or 'feed:<name>' (a named feed of feeds-config; filled at start-up).
-- The writer that changes an article moves its rows (FeedIndex), knowing the feeds it was in: no foreign key
-- and no index by article, which would double the cost of every imported article's rows.
CREATE TABLE feed_item (
    feed         VARCHAR(210) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    article_id   BIGINT       NOT NULL
);

CREATE UNIQUE INDEX feed_item_newest_idx ON feed_item (feed, published_at DESC, article_id DESC);

-- How many items each feed holds: all of them (total), and those published by feed_release.counted_through
-- (visible). A feed's visible count at any instant is this figure corrected by the items published between
-- counted_through and that instant: a short range, since every write and each lifted embargo moves it to now.
CREATE TABLE feed_count (
    feed    VARCHAR(210) PRIMARY KEY,
    visible BIGINT       NOT NULL,
    total   BIGINT       NOT NULL
);

-- One row: the instant up to which feed_count.visible has counted publications. Every write locks it first.
CREATE TABLE feed_release (
    id              INT PRIMARY KEY,
    counted_through TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO feed_release (id, counted_through) VALUES (1, CURRENT_TIMESTAMP);

INSERT INTO feed_item (feed, published_at, article_id)
SELECT 'all', a.published_at, a.id FROM article a;

INSERT INTO feed_item (feed, published_at, article_id)
SELECT DISTINCT 'category:' || c.category_slug, a.published_at, a.id
FROM article_category c JOIN article a ON a.id = c.article_id;

INSERT INTO feed_count (feed, visible, total)
SELECT f.feed, SUM(CASE WHEN f.published_at <= r.counted_through THEN 1 ELSE 0 END), COUNT(*)
FROM feed_item f CROSS JOIN feed_release r
GROUP BY f.feed;

-- Feeds now read feed_item; the API's listing by category reads article_category by article.
DROP INDEX article_category_slug_idx;
