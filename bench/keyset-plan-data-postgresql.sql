-- The rows a keyset page reads, at 1,000,000 articles, for bench/explain-keyset-postgresql.sql: feed_item as
-- V4__feed_items.sql creates it, filled with `all` (one article every 30 s, every 500th pair sharing a time) and one
-- category in ten. Usage: psql -h localhost -U broadsheet broadsheet -f bench/keyset-plan-data-postgresql.sql
DROP TABLE IF EXISTS feed_item;
CREATE TABLE feed_item (
    feed         VARCHAR(210) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    article_id   BIGINT       NOT NULL
);
INSERT INTO feed_item (feed, published_at, article_id)
SELECT 'all', TIMESTAMPTZ '2016-01-01 00:00:00+00' + ((i - CASE WHEN i % 500 = 1 THEN 1 ELSE 0 END) * INTERVAL '30 seconds'), i
FROM generate_series(1, 1000000) AS i;
INSERT INTO feed_item (feed, published_at, article_id)
SELECT 'category:c' || (article_id % 10), published_at, article_id FROM feed_item WHERE feed = 'all';
CREATE UNIQUE INDEX feed_item_newest_idx ON feed_item (feed, published_at DESC, article_id DESC);
ANALYZE feed_item;
