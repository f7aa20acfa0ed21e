-- EXPLAIN ANALYZE (rows scanned) of a keyset page deep in a feed (FeedPageQueries.AFTER_SQL) next to the same page
-- by number (NEWEST_SQL with its OFFSET), on the embedded H2 database.
-- Usage (service stopped, on a copy): java -cp h2.jar org.h2.tools.RunScript -url "<the service's JDBC URL>" -user sa \
--   -script bench/explain-keyset-h2.sql -showResults
SET @at = (SELECT published_at FROM feed_item WHERE feed = 'all' ORDER BY feed, published_at DESC, article_id DESC LIMIT 1 OFFSET 99449);
SET @id = (SELECT article_id FROM feed_item WHERE feed = 'all' ORDER BY feed, published_at DESC, article_id DESC LIMIT 1 OFFSET 99449);
SELECT @at, @id;
EXPLAIN ANALYZE SELECT published_at, article_id FROM feed_item WHERE feed = 'all' AND published_at <= LEAST(CURRENT_TIMESTAMP, @at) AND (published_at < @at OR article_id < @id) ORDER BY feed, published_at DESC, article_id DESC LIMIT 51;
EXPLAIN ANALYZE SELECT article_id FROM feed_item WHERE feed = 'all' AND published_at <= CURRENT_TIMESTAMP ORDER BY feed, published_at DESC, article_id DESC LIMIT 50 OFFSET 99450;
SET @at = (SELECT published_at FROM feed_item WHERE feed = 'all' ORDER BY feed, published_at, article_id LIMIT 1 OFFSET 100);
SET @id = (SELECT article_id FROM feed_item WHERE feed = 'all' ORDER BY feed, published_at, article_id LIMIT 1 OFFSET 100);
SELECT @at, @id;
EXPLAIN ANALYZE SELECT published_at, article_id FROM feed_item WHERE feed = 'all' AND published_at <= LEAST(CURRENT_TIMESTAMP, @at) AND (published_at < @at OR article_id < @id) ORDER BY feed, published_at DESC, article_id DESC LIMIT 51;
