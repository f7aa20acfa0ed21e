-- EXPLAIN (ANALYZE, BUFFERS) of what the syndication lifecycle reads and writes, on PostgreSQL: the tombstones of a
-- first page, the feed window with its next expiry, the expiry timer's reads, the writers' statements, the hourly
-- prune and the listing by tag. The statements are FeedPageQueries', FeedIndex's, ArticleRows' and ArticleStore's,
-- with their parameters as literals; "now" is 2026-01-05 00:00 UTC, the instant the data was made for. The writes
-- run in a transaction that is rolled back.
--
-- Data (plans-lifecycle.txt): a 1,000,000-article archive made by lifecycle-plan-data-postgresql.sql on V1..V6,
-- then lifecycle-plan-data.sql (3,000 withdrawals in 30 days: 9,525 tombstones; 100,000 pending expiries); run
-- this file, then lifecycle-plan-data-stress.sql (56,714 more articles expired at one instant: 179,589 more
-- tombstones) and this file again:
--   psql -h localhost -U broadsheet bslifecycle -f bench/explain-lifecycle-postgresql.sql
ANALYZE article, article_tag, article_category, feed_item, feed_count, feed_release, feed_tombstone, article_expiry;
\echo '--- 1. tombstones of the first page of all, then of category:world (FeedPageQueries.TOMBSTONES_SQL, limit 500)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT t.article_id, a.slug, a.url, a.published_at, t.withdrawn_at, a.withdrawn_reason FROM feed_tombstone t JOIN article a ON a.id = t.article_id WHERE t.feed = 'all' ORDER BY t.feed, t.withdrawn_at DESC, t.article_id DESC LIMIT 500;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT t.article_id, a.slug, a.url, a.published_at, t.withdrawn_at, a.withdrawn_reason FROM feed_tombstone t JOIN article a ON a.id = t.article_id WHERE t.feed = 'category:world' ORDER BY t.feed, t.withdrawn_at DESC, t.article_id DESC LIMIT 500;
\echo '--- 2. window of category:world: count, newest visible, next release, next expiry (FeedPageQueries.WINDOW_SQL)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT r.counted_through, c.visible, (SELECT f.published_at FROM feed_item f WHERE f.feed = 'category:world' AND f.published_at <= TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00' ORDER BY f.feed, f.published_at DESC, f.article_id DESC LIMIT 1), (SELECT a.published_at FROM article a WHERE a.published_at > TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00' ORDER BY a.published_at, a.id LIMIT 1), (SELECT x.expires_at FROM article_expiry x WHERE x.expires_at > TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00' ORDER BY x.expires_at, x.article_id LIMIT 1) FROM feed_release r LEFT JOIN feed_count c ON c.feed = 'category:world' WHERE r.id = 1;
\echo '--- 3. next expiry (FeedPageQueries.NEXT_EXPIRY_SQL)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT expires_at FROM article_expiry WHERE expires_at > TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00' ORDER BY expires_at, article_id LIMIT 1;
\echo '--- 4. due expiries (ArticleStore.DUE_EXPIRIES_SQL): none due now, then a day of them (the timer a day late)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT article_id FROM article_expiry WHERE expires_at <= TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00' ORDER BY expires_at, article_id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT article_id FROM article_expiry WHERE expires_at <= TIMESTAMP WITH TIME ZONE '2026-01-06 00:00:00+00' ORDER BY expires_at, article_id;
\echo '--- 5. a withdrawal''s and an expiry''s writes (FeedIndex, ArticleRows.setWithdrawn), rolled back; the second delete is one of the agency''s tombstones (none before the stress data)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM feed_tombstone WHERE feed = 'all' AND withdrawn_at = TIMESTAMP WITH TIME ZONE '2026-01-04 23:45:36+00' AND article_id = 7;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM feed_tombstone WHERE feed = 'all' AND withdrawn_at = TIMESTAMP WITH TIME ZONE '2026-01-04 23:00:00+00' AND article_id = 999997;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) INSERT INTO feed_tombstone (feed, withdrawn_at, article_id) VALUES ('all', TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00', 500002);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM article_expiry WHERE expires_at = TIMESTAMP WITH TIME ZONE '2026-01-05 00:01:28+00' AND article_id = 434073;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) UPDATE article SET withdrawn_at = TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00', withdrawn_reason = 'Withdrawn for legal reasons.', updated_at = TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00', version = version + 1 WHERE id = 500002 AND version = 0;
ROLLBACK;
\echo '--- 6. hourly prune (FeedIndex.pruneTombstones), rolled back: the hour that leaves at now, then 30 days after the agency''s expiry (every tombstone leaves)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT DISTINCT feed FROM feed_tombstone WHERE withdrawn_at < TIMESTAMP WITH TIME ZONE '2025-12-06 01:00:00+00';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM feed_tombstone WHERE withdrawn_at < TIMESTAMP WITH TIME ZONE '2025-12-06 01:00:00+00';
ROLLBACK;
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT DISTINCT feed FROM feed_tombstone WHERE withdrawn_at < TIMESTAMP WITH TIME ZONE '2026-02-03 23:00:01+00';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) DELETE FROM feed_tombstone WHERE withdrawn_at < TIMESTAMP WITH TIME ZONE '2026-02-03 23:00:01+00';
ROLLBACK;
\echo '--- 7. listing by tag (ArticleStore.selectIds and count): ?tag=kosovo pages 1 and 100, its count; ?tag=kosovo&category=europe page 1 and count'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.id FROM article a WHERE a.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ('kosovo')) ORDER BY a.published_at DESC, a.id DESC LIMIT 20 OFFSET 0;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.id FROM article a WHERE a.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ('kosovo')) ORDER BY a.published_at DESC, a.id DESC LIMIT 20 OFFSET 1980;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM (SELECT DISTINCT t.article_id FROM article_tag t WHERE t.tag_key IN ('kosovo')) tagged JOIN article a ON a.id = tagged.article_id WHERE a.withdrawn_at IS NULL;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.id FROM article a WHERE a.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM article_category c WHERE c.article_id = a.id AND c.category_slug IN ('europe')) AND EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ('kosovo')) ORDER BY a.published_at DESC, a.id DESC LIMIT 20 OFFSET 0;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM (SELECT DISTINCT t.article_id FROM article_tag t WHERE t.tag_key IN ('kosovo')) tagged JOIN article a ON a.id = tagged.article_id WHERE a.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM article_category c WHERE c.article_id = a.id AND c.category_slug IN ('europe'));
\echo '--- 7b. for comparison, the same pages 1 and 100 and count without a.withdrawn_at IS NULL (as before V6)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.id FROM article a WHERE EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ('kosovo')) ORDER BY a.published_at DESC, a.id DESC LIMIT 20 OFFSET 0;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT a.id FROM article a WHERE EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN ('kosovo')) ORDER BY a.published_at DESC, a.id DESC LIMIT 20 OFFSET 1980;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM (SELECT DISTINCT t.article_id FROM article_tag t WHERE t.tag_key IN ('kosovo')) tagged JOIN article a ON a.id = tagged.article_id;
