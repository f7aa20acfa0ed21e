-- EXPLAIN ANALYZE (rows scanned per table) of what a feed page reads, on the embedded H2 database.
-- Usage (service stopped): java -cp h2.jar org.h2.tools.RunScript -url "<the service's JDBC URL>" -user sa \
--   -script bench/explain-h2.sql -showResults
EXPLAIN ANALYZE SELECT r.counted_through, c.visible, (SELECT f.published_at FROM feed_item f WHERE f.feed = 'category:world' AND f.published_at <= CURRENT_TIMESTAMP ORDER BY f.feed, f.published_at DESC, f.article_id DESC LIMIT 1), (SELECT a.published_at FROM article a WHERE a.published_at > CURRENT_TIMESTAMP ORDER BY a.published_at, a.id LIMIT 1) FROM feed_release r LEFT JOIN feed_count c ON c.feed = 'category:world' WHERE r.id = 1;
EXPLAIN ANALYZE SELECT COUNT(*) FROM feed_item WHERE feed = 'category:world' AND published_at > CURRENT_TIMESTAMP - INTERVAL '5' SECOND AND published_at <= CURRENT_TIMESTAMP;
EXPLAIN ANALYZE SELECT article_id FROM feed_item WHERE feed = 'feed:balkans' AND published_at <= CURRENT_TIMESTAMP ORDER BY feed, published_at DESC, article_id DESC LIMIT 50 OFFSET 100;
EXPLAIN ANALYZE SELECT article_id FROM feed_item WHERE feed = 'feed:european-politics' AND published_at <= CURRENT_TIMESTAMP ORDER BY feed, published_at DESC, article_id DESC LIMIT 50 OFFSET 0;
EXPLAIN ANALYZE SELECT article_id FROM feed_item WHERE feed = 'all' AND published_at <= CURRENT_TIMESTAMP ORDER BY feed, published_at DESC, article_id DESC LIMIT 50 OFFSET 1950;
EXPLAIN ANALYZE SELECT c.feed, (SELECT COUNT(*) FROM feed_item f WHERE f.feed = c.feed AND f.published_at > CURRENT_TIMESTAMP - INTERVAL '1' MINUTE AND f.published_at <= CURRENT_TIMESTAMP) FROM feed_count c;
EXPLAIN ANALYZE SELECT c.* FROM category c WHERE EXISTS (SELECT 1 FROM feed_state f WHERE f.name = c.slug) OR EXISTS (SELECT 1 FROM feed_item i WHERE i.feed = 'category:' || c.slug AND i.published_at <= CURRENT_TIMESTAMP) ORDER BY c.slug;
EXPLAIN ANALYZE SELECT changed_at FROM feed_version WHERE feed = 'world.rss' AND etag = 'not-a-served-version';
EXPLAIN ANALYZE DELETE FROM feed_version WHERE recorded_at < CURRENT_TIMESTAMP - INTERVAL '7' DAY;
EXPLAIN ANALYZE SELECT * FROM article WHERE id > 500000 ORDER BY id LIMIT 500;
