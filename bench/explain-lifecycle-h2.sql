-- EXPLAIN ANALYZE (rows scanned per table) of what the syndication lifecycle reads and writes, on the embedded H2
-- database: the statements of explain-lifecycle-postgresql.sql (FeedPageQueries', FeedIndex's, ArticleRows' and
-- ArticleStore's, parameters as literals, "now" 2026-01-05 00:00 UTC), the writes rolled back.
--
-- Data (plans-lifecycle.txt): a copy of the 1,000,000-article database archive-scale.sh imports from the generated
-- corpus (data-1000000, at V4), brought to V6 by running V5 and V6 in H2's Shell, then lifecycle-plan-data.sql.
-- Run this file, then lifecycle-plan-data-stress.sql and this file again. With the service stopped, H2's Shell
-- prints each plan with its time (maxwidth keeps it from cutting the plans' lines):
--   (echo 'maxwidth 100000'; cat bench/explain-lifecycle-h2.sql) | java -cp h2-2.3.232.jar org.h2.tools.Shell \
--     -url "<the service's JDBC URL>" -user sa -password ''
-- 1. tombstones of the first page of all, then of category:world (FeedPageQueries.TOMBSTONES_SQL, limit 500)
EXPLAIN ANALYZE SELECT t.article_id, a.slug, a.url, a.published_at, t.withdrawn_at, a.withdrawn_reason FROM feed_tombstone t JOIN article a ON a.id = t.article_id WHERE t.feed = 'all' ORDER BY t.feed, t.withdrawn_at DESC, t.article_id DESC LIMIT 500;
EXPLAIN ANALYZE SELECT t.article_id, a.slug, a.url, a.published_at, t.withdrawn_at, a.withdrawn_reason FROM feed_tombstone t JOIN article a ON a.id = t.article_id WHERE t.feed = 'category:world' ORDER BY t.feed, t.withdrawn_at DESC, t.article_id DESC LIMIT 500;
-- 2. window of category:world: count, newest visible, next release, next expiry (FeedPageQueries.WINDOW_SQL)
EXPLAIN ANALYZE SELECT r.counted_through, c.visible, (SELECT f.published_at FROM feed_item f WHERE f.feed = 'category:world' AND f.published_at <= TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00' ORDER BY f.feed, f.published_at DESC, f.article_id DESC LIMIT 1), (SELECT a.published_at FROM article a WHERE a.published_at > TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00' ORDER BY a.published_at, a.id LIMIT 1), (SELECT x.expires_at FROM article_expiry x WHERE x.expires_at > TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00' ORDER BY x.expires_at, x.article_id LIMIT 1) FROM feed_release r LEFT JOIN feed_count c ON c.feed = 'category:world' WHERE r.id = 1;
-- 3. next expiry (FeedPageQueries.NEXT_EXPIRY_SQL)
EXPLAIN ANALYZE SELECT expires_at FROM article_expiry WHERE expires_at > TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00' ORDER BY expires_at, article_id LIMIT 1;
-- 4. due expiries (ArticleStore.DUE_EXPIRIES_SQL): none due now, then a day of them (the timer a day late)
EXPLAIN ANALYZE SELECT article_id FROM article_expiry WHERE expires_at <= TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00' ORDER BY expires_at, article_id;
EXPLAIN ANALYZE SELECT article_id FROM article_expiry WHERE expires_at <= TIMESTAMP WITH TIME ZONE '2026-01-06 00:00:00+00' ORDER BY expires_at, article_id;
-- 5. a withdrawal's and an expiry's writes (FeedIndex, ArticleRows.setWithdrawn), rolled back; the second delete is one of the agency's tombstones (none before the stress data)
SET AUTOCOMMIT FALSE;
EXPLAIN ANALYZE DELETE FROM feed_tombstone WHERE feed = 'all' AND withdrawn_at = TIMESTAMP WITH TIME ZONE '2026-01-04 23:45:36+00' AND article_id = 7;
EXPLAIN ANALYZE DELETE FROM feed_tombstone WHERE feed = 'all' AND withdrawn_at = TIMESTAMP WITH TIME ZONE '2026-01-04 23:00:00+00' AND article_id = 999997;
EXPLAIN ANALYZE INSERT INTO feed_tombstone (feed, withdrawn_at, article_id) VALUES ('all', TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00', 500002);
EXPLAIN ANALYZE DELETE FROM article_expiry WHERE expires_at = TIMESTAMP WITH TIME ZONE '2026-01-05 00:01:28+00' AND article_id = 434073;
EXPLAIN ANALYZE UPDATE article SET withdrawn_at = TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00', withdrawn_reason = 'Withdrawn for legal reasons.', updated_at = TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00', version = version + 1 WHERE id = 500002 AND version = 0;
ROLLBACK;
SET AUTOCOMMIT TRUE;
-- 6. hourly prune (FeedIndex.pruneTombstones), rolled back: the hour that leaves at now, then 30 days after the agency's expiry (every tombstone leaves)
SET AUTOCOMMIT FALSE;
EXPLAIN ANALYZE SELECT DISTINCT feed FROM feed_tombstone WHERE withdrawn_at < TIMESTAMP WITH TIME ZONE '2025-12-06 01:00:00+00';
EXPLAIN ANALYZE DELETE FROM feed_tombstone WHERE withdrawn_at < TIMESTAMP WITH TIME ZONE '2025-12-06 01:00:00+00';
ROLLBACK;
SET AUTOCOMMIT TRUE;
SET AUTOCOMMIT FALSE;
EXPLAIN ANALYZE SELECT DISTINCT feed FROM feed_tombstone WHERE withdrawn_at < TIMESTAMP WITH TIME ZONE '2026-02-03 23:00:01+00';
EXPLAIN ANALYZE DELETE FROM feed_tombstone WHERE withdrawn_at < TIMESTAMP WITH TIME ZONE '2026-02-03 23:00:01+00';
ROLLBACK;
SET AUTOCOMMIT TRUE;
-- 7. listing by tag (ArticleStore.selectIds and count): ?tag=kosovo pages 1 and 100, its count; ?tag=kosovo&category=europe page 1 and count
EXPLAIN ANALYZE SELECT a.id FROM article a WHERE a.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ('kosovo')) ORDER BY a.published_at DESC, a.id DESC LIMIT 20 OFFSET 0;
EXPLAIN ANALYZE SELECT a.id FROM article a WHERE a.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ('kosovo')) ORDER BY a.published_at DESC, a.id DESC LIMIT 20 OFFSET 1980;
EXPLAIN ANALYZE SELECT COUNT(*) FROM (SELECT DISTINCT t.article_id FROM article_tag t WHERE t.tag_key IN ('kosovo')) tagged JOIN article a ON a.id = tagged.article_id WHERE a.withdrawn_at IS NULL;
EXPLAIN ANALYZE SELECT a.id FROM article a WHERE a.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM article_category c WHERE c.article_id = a.id AND c.category_slug IN ('europe')) AND EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ('kosovo')) ORDER BY a.published_at DESC, a.id DESC LIMIT 20 OFFSET 0;
EXPLAIN ANALYZE SELECT COUNT(*) FROM (SELECT DISTINCT t.article_id FROM article_tag t WHERE t.tag_key IN ('kosovo')) tagged JOIN article a ON a.id = tagged.article_id WHERE a.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM article_category c WHERE c.article_id = a.id AND c.category_slug IN ('europe'));
-- 7b. for comparison, the same pages 1 and 100 and count without a.withdrawn_at IS NULL (as before V6)
EXPLAIN ANALYZE SELECT a.id FROM article a WHERE EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ('kosovo')) ORDER BY a.published_at DESC, a.id DESC LIMIT 20 OFFSET 0;
EXPLAIN ANALYZE SELECT a.id FROM article a WHERE EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ('kosovo')) ORDER BY a.published_at DESC, a.id DESC LIMIT 20 OFFSET 1980;
EXPLAIN ANALYZE SELECT COUNT(*) FROM (SELECT DISTINCT t.article_id FROM article_tag t WHERE t.tag_key IN ('kosovo')) tagged JOIN article a ON a.id = tagged.article_id;
