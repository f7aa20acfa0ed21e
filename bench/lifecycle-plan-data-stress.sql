-- The lifecycle's rows at a stress size, after lifecycle-plan-data.sql: one agency's contract ended at
-- 2026-01-04 23:00 UTC, so every live article it supplied (ids 5, 19, 33, ... but those with a pending expiry of
-- their own and those already withdrawn: 56,714 articles) expired at that one instant and was withdrawn with the
-- reason 'expired'. Each leaves a tombstone in every feed that held it: 179,589 more rows on the generated
-- PostgreSQL archive, 185,266 on the corpus, 56,714 of them in 'all'. Portable, like lifecycle-plan-data.sql.

UPDATE article
SET expires_at = TIMESTAMP WITH TIME ZONE '2026-01-04 23:00:00+00',
    withdrawn_at = TIMESTAMP WITH TIME ZONE '2026-01-04 23:00:00+00',
    updated_at = TIMESTAMP WITH TIME ZONE '2026-01-04 23:00:00+00',
    withdrawn_reason = 'expired',
    version = version + 1
WHERE MOD(id, 14) = 5 AND MOD(id, 10) <> 3 AND withdrawn_at IS NULL;

INSERT INTO feed_tombstone (feed, withdrawn_at, article_id)
SELECT f.feed, a.withdrawn_at, a.id
FROM article a
JOIN feed_count c ON 1 = 1
JOIN feed_item f ON f.feed = c.feed AND f.published_at = a.published_at AND f.article_id = a.id
WHERE MOD(a.id, 14) = 5 AND a.withdrawn_at = TIMESTAMP WITH TIME ZONE '2026-01-04 23:00:00+00';

MERGE INTO feed_item f
USING (SELECT t.feed, a.published_at, a.id FROM feed_tombstone t JOIN article a ON a.id = t.article_id
       WHERE t.withdrawn_at = TIMESTAMP WITH TIME ZONE '2026-01-04 23:00:00+00') w
ON f.feed = w.feed AND f.published_at = w.published_at AND f.article_id = w.id
WHEN MATCHED THEN DELETE;

UPDATE feed_count SET
    visible = visible - (SELECT COUNT(*) FROM feed_tombstone t WHERE t.feed = feed_count.feed
                         AND t.withdrawn_at = TIMESTAMP WITH TIME ZONE '2026-01-04 23:00:00+00'),
    total = total - (SELECT COUNT(*) FROM feed_tombstone t WHERE t.feed = feed_count.feed
                     AND t.withdrawn_at = TIMESTAMP WITH TIME ZONE '2026-01-04 23:00:00+00');
