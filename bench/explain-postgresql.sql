-- EXPLAIN (ANALYZE, BUFFERS) of what a feed page, the embargo catch-up and the home page read, on PostgreSQL.
-- Usage: psql -h localhost -U broadsheet broadsheet -f bench/explain-postgresql.sql
ANALYZE;
\echo '--- window (counts, newest visible, next release) for category:world'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT r.counted_through, c.visible, (SELECT f.published_at FROM feed_item f WHERE f.feed = 'category:world' AND f.published_at <= now() ORDER BY f.feed, f.published_at DESC, f.article_id DESC LIMIT 1), (SELECT a.published_at FROM article a WHERE a.published_at > now() ORDER BY a.published_at, a.id LIMIT 1) FROM feed_release r LEFT JOIN feed_count c ON c.feed = 'category:world' WHERE r.id = 1;
\echo '--- correction range'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM feed_item WHERE feed = 'category:world' AND published_at > now() - interval '5 seconds' AND published_at <= now();
\echo '--- page 3 of feed:balkans (tags)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT article_id FROM feed_item WHERE feed = 'feed:balkans' AND published_at <= now() ORDER BY feed, published_at DESC, article_id DESC LIMIT 50 OFFSET 100;
\echo '--- page 1 of feed:european-politics (two categories)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT article_id FROM feed_item WHERE feed = 'feed:european-politics' AND published_at <= now() ORDER BY feed, published_at DESC, article_id DESC LIMIT 50 OFFSET 0;
\echo '--- page 1 of all'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT article_id FROM feed_item WHERE feed = 'all' AND published_at <= now() ORDER BY feed, published_at DESC, article_id DESC LIMIT 50 OFFSET 0;
\echo '--- the page articles and a child table'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM article WHERE id IN (SELECT article_id FROM feed_item WHERE feed = 'all' ORDER BY feed, published_at DESC, article_id DESC LIMIT 50);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM article_image WHERE article_id IN (SELECT article_id FROM feed_item WHERE feed = 'all' ORDER BY feed, published_at DESC, article_id DESC LIMIT 50) ORDER BY ordinal;
\echo '--- embargo catch-up probe and per-feed counts'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT article_id FROM feed_item WHERE feed = 'all' AND published_at > now() - interval '1 minute' AND published_at <= now() ORDER BY feed, published_at DESC, article_id DESC LIMIT 1;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.feed, (SELECT COUNT(*) FROM feed_item f WHERE f.feed = c.feed AND f.published_at > now() - interval '1 minute' AND f.published_at <= now()) FROM feed_count c;
\echo '--- home page: public categories'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.* FROM category c WHERE EXISTS (SELECT 1 FROM feed_state f WHERE f.name = c.slug) OR EXISTS (SELECT 1 FROM feed_item i WHERE i.feed = 'category:' || c.slug AND i.published_at <= now()) ORDER BY c.slug;
\echo '--- delta base: a version another instance served (primary key), and the hourly prune (recorded_at index)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT changed_at FROM feed_version WHERE feed = 'world.rss' AND etag = 'not-a-served-version';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM feed_version WHERE recorded_at < now() - interval '7 days';
\echo '--- what every write adds: the change version, under the row lock it already holds'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) UPDATE feed_release SET change_version = change_version + 1 WHERE id = 1;
\echo '--- a page of the export, deep in the archive'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM article WHERE id > 50000 ORDER BY id LIMIT 500;
