-- EXPLAIN (ANALYZE, BUFFERS) of a keyset page deep in a feed (FeedPageQueries.AFTER_SQL) next to the same page by
-- number (NEWEST_SQL with its OFFSET), on PostgreSQL at 1,000,000 articles (bench/keyset-plan-data-postgresql.sql).
-- Usage: psql -h localhost -U broadsheet broadsheet -f bench/explain-keyset-postgresql.sql
SELECT published_at AS at, article_id AS id FROM feed_item WHERE feed = 'all'
ORDER BY feed, published_at DESC, article_id DESC LIMIT 1 OFFSET 99449 \gset
\echo '--- keyset page 1990 of all (after the 99,450th item)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT published_at, article_id FROM feed_item WHERE feed = 'all' AND published_at <= LEAST(now(), :'at'::timestamptz) AND (published_at < :'at'::timestamptz OR article_id < :id) ORDER BY feed, published_at DESC, article_id DESC LIMIT 51;
\echo '--- page 1990 of all by number (OFFSET 99450)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT article_id FROM feed_item WHERE feed = 'all' AND published_at <= now() ORDER BY feed, published_at DESC, article_id DESC LIMIT 50 OFFSET 99450;
SELECT published_at AS at, article_id AS id FROM feed_item WHERE feed = 'all'
ORDER BY feed, published_at, article_id LIMIT 1 OFFSET 100 \gset
\echo '--- keyset page among the oldest items of all (after the 999,900th), at a time two items share'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT published_at, article_id FROM feed_item WHERE feed = 'all' AND published_at <= LEAST(now(), :'at'::timestamptz) AND (published_at < :'at'::timestamptz OR article_id < :id) ORDER BY feed, published_at DESC, article_id DESC LIMIT 51;
SELECT published_at AS at, article_id AS id FROM feed_item WHERE feed = 'category:c3'
ORDER BY feed, published_at DESC, article_id DESC LIMIT 1 OFFSET 50000 \gset
\echo '--- keyset page of category:c3 half-way through it'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT published_at, article_id FROM feed_item WHERE feed = 'category:c3' AND published_at <= LEAST(now(), :'at'::timestamptz) AND (published_at < :'at'::timestamptz OR article_id < :id) ORDER BY feed, published_at DESC, article_id DESC LIMIT 51;
